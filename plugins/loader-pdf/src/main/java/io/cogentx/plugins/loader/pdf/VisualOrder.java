package io.cogentx.plugins.loader.pdf;

import java.text.Bidi;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a line of words read left to right on the page (visual order) into reading order. PDFs draw
 * right-to-left scripts (Arabic, Hebrew) from the left, so runs of right-to-left glyphs are
 * reversed. The unit is the glyph, not the character: a glyph mapped to several characters (a
 * lam-alef ligature, or a whole shaped word as WeasyPrint writes it) already holds them in reading
 * order. The base direction is that of the majority of strong glyphs.
 */
final class VisualOrder {

  private VisualOrder() {}

  static boolean hasRightToLeft(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isRightToLeft(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** The words' text, separated by spaces, in reading order. */
  static String toLogical(List<Word> words) {
    boolean anyRtl = false;
    for (Word w : words) {
      anyRtl |= w.glyphEnds() != null;
    }
    if (!anyRtl) {
      StringBuilder plain = new StringBuilder();
      for (Word w : words) {
        if (plain.length() > 0) {
          plain.append(' ');
        }
        plain.append(w.text());
      }
      return plain.toString();
    }
    List<String> units = units(words);
    char[] classes = new char[units.size()];
    for (int i = 0; i < classes.length; i++) {
      classes[i] = representative(units.get(i));
    }
    int base =
        mostlyRightToLeft(words) ? Bidi.DIRECTION_RIGHT_TO_LEFT : Bidi.DIRECTION_LEFT_TO_RIGHT;
    Bidi bidi = new Bidi(classes, 0, null, 0, classes.length, base);
    int runs = bidi.getRunCount();
    byte[] levels = new byte[runs];
    Integer[] order = new Integer[runs];
    for (int i = 0; i < runs; i++) {
      levels[i] = (byte) bidi.getRunLevel(i);
      order[i] = i;
    }
    Bidi.reorderVisually(levels, 0, order, 0, runs);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < runs; i++) {
      int run = order[i];
      int start = bidi.getRunStart(run);
      int limit = bidi.getRunLimit(run);
      if ((levels[run] & 1) == 0) {
        for (int j = start; j < limit; j++) {
          out.append(units.get(j));
        }
      } else {
        for (int j = limit - 1; j >= start; j--) {
          out.append(mirror(units.get(j)));
        }
      }
    }
    return out.toString().strip();
  }

  /**
   * Whether most glyphs are right-to-left: glyphs of words with right-to-left text count by their
   * first strong character, other words by their left-to-right characters (one glyph each).
   */
  private static boolean mostlyRightToLeft(List<Word> words) {
    int rtl = 0;
    int ltr = 0;
    for (Word w : words) {
      String text = w.text();
      if (w.glyphEnds() == null) {
        for (int i = 0; i < text.length(); i++) {
          if (Character.getDirectionality(text.charAt(i))
              == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
            ltr++;
          }
        }
        continue;
      }
      int start = 0;
      for (int end : w.glyphEnds()) {
        char c = representative(text.substring(start, end));
        if (isRightToLeft(c)) {
          rtl++;
        } else if (Character.getDirectionality(c) == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
          ltr++;
        }
        start = end;
      }
    }
    return rtl > ltr;
  }

  /** Glyph texts of right-to-left words, whole texts of others, spaces between words. */
  private static List<String> units(List<Word> words) {
    List<String> units = new ArrayList<>();
    for (Word w : words) {
      if (!units.isEmpty()) {
        units.add(" ");
      }
      if (w.glyphEnds() == null) {
        units.add(w.text());
        continue;
      }
      int start = 0;
      for (int end : w.glyphEnds()) {
        units.add(w.text().substring(start, end));
        start = end;
      }
    }
    return units;
  }

  /** The first character with a strong direction, else the first character. */
  private static char representative(String unit) {
    for (int i = 0; i < unit.length(); i++) {
      char c = unit.charAt(i);
      byte d = Character.getDirectionality(c);
      if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT || isRightToLeft(c)) {
        return c;
      }
    }
    return unit.isEmpty() ? ' ' : unit.charAt(0);
  }

  private static boolean isRightToLeft(char c) {
    byte d = Character.getDirectionality(c);
    return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
        || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
  }

  private static String mirror(String unit) {
    if (unit.length() != 1) {
      return unit;
    }
    return switch (unit.charAt(0)) {
      case '(' -> ")";
      case ')' -> "(";
      case '[' -> "]";
      case ']' -> "[";
      case '{' -> "}";
      case '}' -> "{";
      case '<' -> ">";
      case '>' -> "<";
      case '«' -> "»";
      case '»' -> "«";
      default -> unit;
    };
  }
}

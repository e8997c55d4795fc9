package io.cogentx.plugins.loader.pdf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Groups glyphs of one text direction into words: glyphs on the same baseline (superscripts
 * included) form a row; a horizontal gap wider than a fraction of the font size, or a space glyph,
 * ends a word.
 */
final class WordBuilder {

  /** A gap wider than this many ems separates words (a space is about 0.25 em). */
  static final float WORD_GAP_EM = 0.13f;

  private WordBuilder() {}

  static List<Word> words(List<Glyph> glyphs) {
    List<Word> words = new ArrayList<>();
    for (List<Glyph> row : rows(glyphs)) {
      buildWords(FloatOrder.sorted(row, Glyph::x), words);
    }
    return words;
  }

  /** Glyphs grouped by baseline, top to bottom; a row admits glyphs within half a glyph height. */
  static List<List<Glyph>> rows(List<Glyph> glyphs) {
    List<Glyph> sorted = FloatOrder.sorted(glyphs, Glyph::baseline);
    List<List<Glyph>> rows = new ArrayList<>();
    List<Glyph> row = null;
    float reference = 0;
    float rowHeight = 0;
    for (Glyph g : sorted) {
      if (row != null && g.baseline() - reference <= 0.5f * Math.max(rowHeight, g.height())) {
        row.add(g);
        rowHeight = Math.max(rowHeight, g.height());
      } else {
        row = new ArrayList<>();
        row.add(g);
        rows.add(row);
        reference = g.baseline();
        rowHeight = g.height();
      }
    }
    return rows;
  }

  /**
   * Splits a row (sorted by x) into words. A space glyph separates words only where no visible
   * glyph covers it: spreadsheets pad cells with spaces that run under the next cell's text.
   */
  private static void buildWords(List<Glyph> row, List<Word> out) {
    StringBuilder text = new StringBuilder();
    float x0 = 0;
    float x1 = 0;
    float size = 0;
    float baselineOfLargest = 0;
    Glyph pendingSpace = null;
    int[] ends = new int[16];
    int glyphCount = 0;
    boolean rtl = false;
    for (Glyph g : row) {
      if (g.space()) {
        pendingSpace = g;
        continue;
      }
      if (text.length() > 0) {
        float em = Math.max(size, g.fontSize());
        boolean spaceBetween =
            pendingSpace != null
                && x1 <= pendingSpace.x() + 0.25f * pendingSpace.width()
                && g.x() >= pendingSpace.right() - 0.25f * pendingSpace.width();
        boolean gap =
            spaceBetween || g.x() - x1 > WORD_GAP_EM * em || x1 - g.x() > 0.6f * em + g.width();
        if (gap) {
          out.add(word(text, x0, x1, baselineOfLargest, size, rtl ? ends : null, glyphCount));
          text.setLength(0);
          glyphCount = 0;
          rtl = false;
        }
      }
      pendingSpace = null;
      if (text.length() == 0) {
        x0 = g.x();
        x1 = g.right();
        size = g.fontSize();
        baselineOfLargest = g.baseline();
      } else {
        x1 = Math.max(x1, g.right());
        if (g.fontSize() > size) {
          size = g.fontSize();
          baselineOfLargest = g.baseline();
        }
      }
      text.append(g.text());
      if (glyphCount == ends.length) {
        ends = Arrays.copyOf(ends, 2 * glyphCount);
      }
      ends[glyphCount++] = text.length();
      rtl |= VisualOrder.hasRightToLeft(g.text());
    }
    if (text.length() > 0) {
      out.add(word(text, x0, x1, baselineOfLargest, size, rtl ? ends : null, glyphCount));
    }
  }

  private static Word word(
      CharSequence text,
      float x0,
      float x1,
      float baseline,
      float size,
      int[] ends,
      int glyphCount) {
    int[] glyphEnds = ends == null ? null : Arrays.copyOf(ends, glyphCount);
    return new Word(text.toString(), x0, x1, baseline, size, glyphEnds);
  }
}

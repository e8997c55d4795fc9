package io.cogentx.retrieval;

/**
 * File names and titles as users send them, made safe to keep and show: the last path element only
 * (no {@code ../}), no control characters (NUL, line breaks), no bidirectional overrides that make
 * {@code invoice‮fdp.exe} look like {@code invoiceexe.pdf}, and a bounded length (a file name keeps
 * its extension when it is shortened).
 */
public final class DisplayNames {

  /** Longest file name kept, in characters (as most file systems allow). */
  public static final int MAX_FILE_NAME = 255;

  /** Longest title kept, in characters. */
  public static final int MAX_TITLE = 500;

  private static final int MAX_EXTENSION = 16;

  private DisplayNames() {}

  /** The file name to keep, or {@code null} when nothing usable is left. */
  public static String fileName(String raw) {
    if (raw == null) {
      return null;
    }
    String base = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
    int dot = base.lastIndexOf('.');
    String extension =
        dot > 0 && base.length() - dot <= MAX_EXTENSION + 1 ? visible(base.substring(dot)) : "";
    String stem = visible(extension.isEmpty() ? base : base.substring(0, dot));
    String clean = (stem + extension).strip();
    if (clean.isEmpty() || clean.equals(".") || clean.equals("..")) {
      return null;
    }
    if (clean.codePointCount(0, clean.length()) <= MAX_FILE_NAME) {
      return clean;
    }
    return truncate(stem, MAX_FILE_NAME - 1 - extension.length()).strip() + "…" + extension;
  }

  /** The title to keep, or {@code null} when nothing usable is left. */
  public static String title(String raw) {
    if (raw == null) {
      return null;
    }
    String clean = visible(raw).strip();
    if (clean.isEmpty()) {
      return null;
    }
    return clean.codePointCount(0, clean.length()) <= MAX_TITLE
        ? clean
        : truncate(clean, MAX_TITLE - 1).strip() + "…";
  }

  /** Control characters and bidirectional controls dropped; tabs and line breaks become spaces. */
  static String visible(String s) {
    StringBuilder out = new StringBuilder(Math.min(s.length(), 4 * MAX_TITLE));
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\t' || c == '\n' || c == '\r') {
        out.append(' ');
      } else if (!Character.isISOControl(c) && !isBidiControl(c) && c != 0xFEFF) {
        out.appendCodePoint(c);
      }
      if (out.length() > 4 * MAX_TITLE) {
        break; // anything longer is cut below anyway
      }
    }
    return out.toString();
  }

  private static boolean isBidiControl(int c) {
    return (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200E
        || c == 0x200F
        || c == 0x061C;
  }

  private static String truncate(String s, int codePoints) {
    if (codePoints <= 0) {
      return "";
    }
    int end = s.offsetByCodePoints(0, Math.min(codePoints, s.codePointCount(0, s.length())));
    return s.substring(0, end);
  }
}

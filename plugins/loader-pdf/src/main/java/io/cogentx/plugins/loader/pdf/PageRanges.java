package io.cogentx.plugins.loader.pdf;

import java.util.List;

/** Writes page numbers compactly for messages: {@code 1–3, 5, 8–9}. */
final class PageRanges {

  private PageRanges() {}

  /** "page 4" or "pages 1–3, 5"; {@code pages} ascending. */
  static String describe(List<Integer> pages) {
    StringBuilder out = new StringBuilder(pages.size() == 1 ? "page " : "pages ");
    int i = 0;
    while (i < pages.size()) {
      int start = pages.get(i);
      int end = start;
      while (i + 1 < pages.size() && pages.get(i + 1) == end + 1) {
        end = pages.get(++i);
      }
      if (out.charAt(out.length() - 1) != ' ') {
        out.append(", ");
      }
      out.append(start);
      if (end > start) {
        out.append('–').append(end);
      }
      i++;
    }
    return out.toString();
  }
}

package io.cogentx.plugins.loader.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The visible text of a raw HTML block in Markdown: tags and comments removed, entities left as
 * written. A single linear scan, not a parser; Markdown files hold little HTML.
 */
final class HtmlText {

  private HtmlText() {}

  static List<String> lines(String html) {
    StringBuilder text = new StringBuilder(html.length());
    int i = 0;
    int n = html.length();
    while (i < n) {
      if (html.startsWith("<!--", i)) {
        int end = html.indexOf("-->", i + 4);
        i = end < 0 ? n : end + 3;
      } else if (html.charAt(i) == '<' && i + 1 < n && isTagStart(html.charAt(i + 1))) {
        int end = html.indexOf('>', i + 1);
        i = end < 0 ? n : end + 1;
        text.append(' ');
      } else {
        text.append(html.charAt(i++));
      }
    }
    List<String> lines = new ArrayList<>();
    for (String line : text.toString().split("\n", -1)) {
      String stripped = collapseSpaces(line.strip());
      if (!stripped.isEmpty()) {
        lines.add(stripped);
      }
    }
    return lines;
  }

  private static String collapseSpaces(String line) {
    StringBuilder out = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c != ' ' || out.isEmpty() || out.charAt(out.length() - 1) != ' ') {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isTagStart(char c) {
    return Character.isLetter(c) || c == '/' || c == '!' || c == '?';
  }
}

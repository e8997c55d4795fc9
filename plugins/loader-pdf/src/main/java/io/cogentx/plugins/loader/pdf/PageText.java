package io.cogentx.plugins.loader.pdf;

import java.util.List;

/**
 * The text of a page from its blocks: lines of a text block joined by newlines, a word hyphenated
 * across a line end joined again ("adip-" + "iscing" gives "adipiscing"), blocks separated by a
 * blank line.
 */
final class PageText {

  private PageText() {}

  static String of(List<Block> blocks) {
    StringBuilder page = new StringBuilder();
    for (Block block : blocks) {
      if (page.length() > 0) {
        page.append("\n\n");
      }
      appendBlock(page, block);
    }
    return page.toString();
  }

  private static void appendBlock(StringBuilder out, Block block) {
    List<String> lines = block.lines();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (i == 0) {
        out.append(line);
        continue;
      }
      if (!block.table() && endsWithHyphenatedWord(out) && startsLowerCase(line)) {
        out.setLength(out.length() - 1); // drop the hyphen and join the word halves
        int space = line.indexOf(' ');
        if (space < 0) {
          out.append(line);
        } else {
          out.append(line, 0, space).append('\n').append(line, space + 1, line.length());
        }
        continue;
      }
      out.append('\n').append(line);
    }
  }

  private static boolean endsWithHyphenatedWord(StringBuilder out) {
    int n = out.length();
    if (n < 3) {
      return false;
    }
    char last = out.charAt(n - 1);
    return (last == '-' || last == '\u00ad')
        && Character.isLowerCase(out.charAt(n - 2))
        && Character.isLetter(out.charAt(n - 3));
  }

  private static boolean startsLowerCase(String line) {
    return !line.isEmpty() && Character.isLowerCase(line.charAt(0));
  }
}

package io.cogentx.plugins.loader.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.front.matter.YamlFrontMatterBlock;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Block;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Renders Markdown (CommonMark with GFM tables and strikethrough, YAML front matter) as readable
 * plain text: no markup characters, links as their text, lists as "- " lines, table rows as cells
 * joined by " | ", code kept verbatim. Each top-level block becomes one text; a heading is kept
 * with the block that follows it so a section's title travels with its first paragraph.
 */
final class MarkdownText {

  /** The document's title (first level-1 heading, else front-matter {@code title}) and blocks. */
  record Rendered(String title, List<String> blocks) {
    Rendered {
      blocks = List.copyOf(blocks);
    }
  }

  private static final List<Extension> EXTENSIONS =
      List.of(
          TablesExtension.create(),
          StrikethroughExtension.create(),
          YamlFrontMatterExtension.create());

  /** Parsers are immutable and thread-safe. */
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

  private MarkdownText() {}

  static Rendered render(String markdown) {
    Node document = PARSER.parse(markdown);
    String title = null;
    List<String> blocks = new ArrayList<>();
    StringBuilder pendingHeadings = new StringBuilder();
    for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
      String text = String.join("\n", lines(node)).stripTrailing();
      if (text.isBlank()) {
        continue;
      }
      if (node instanceof Heading heading) {
        if (title == null && heading.getLevel() == 1) {
          title = text.strip();
        }
        pendingHeadings.append(pendingHeadings.isEmpty() ? "" : "\n").append(text.strip());
        continue;
      }
      if (!pendingHeadings.isEmpty()) {
        text = pendingHeadings + "\n" + text;
        pendingHeadings.setLength(0);
      }
      blocks.add(text);
    }
    if (!pendingHeadings.isEmpty()) {
      blocks.add(pendingHeadings.toString());
    }
    return new Rendered(title == null ? frontMatterTitle(document) : title, blocks);
  }

  private static String frontMatterTitle(Node document) {
    YamlFrontMatterVisitor visitor = new YamlFrontMatterVisitor();
    document.accept(visitor);
    Map<String, List<String>> data = visitor.getData();
    List<String> values = data.get("title");
    if (values == null || values.isEmpty() || values.get(0).isBlank()) {
      return null;
    }
    return values.get(0).strip();
  }

  /** The lines of a block, without indentation of its own. */
  private static List<String> lines(Node block) {
    return switch (block) {
      case ThematicBreak b -> List.of();
      case LinkReferenceDefinition d -> List.of();
      case YamlFrontMatterBlock f -> List.of();
      case FencedCodeBlock code -> codeLines(code.getLiteral());
      case IndentedCodeBlock code -> codeLines(code.getLiteral());
      case HtmlBlock html -> HtmlText.lines(html.getLiteral());
      case ListBlock list -> listLines(list);
      case TableBlock table -> tableLines(table);
      case BlockQuote quote -> childLines(quote);
      default -> block.getFirstChild() instanceof Block ? childLines(block) : inlineLines(block);
    };
  }

  private static List<String> childLines(Node parent) {
    List<String> out = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
      out.addAll(lines(child));
    }
    return out;
  }

  private static List<String> inlineLines(Node node) {
    StringBuilder out = new StringBuilder();
    appendInline(node, out);
    return out.toString().strip().lines().map(String::strip).toList();
  }

  private static List<String> codeLines(String literal) {
    return literal.stripTrailing().lines().toList();
  }

  private static List<String> listLines(ListBlock list) {
    List<String> out = new ArrayList<>();
    int number = 1;
    String delimiter = ".";
    if (list instanceof OrderedList ordered) {
      number = ordered.getMarkerStartNumber() == null ? 1 : ordered.getMarkerStartNumber();
      delimiter = ordered.getMarkerDelimiter() == null ? "." : ordered.getMarkerDelimiter();
    }
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      String marker = list instanceof BulletList ? "- " : (number++) + delimiter + " ";
      String indent = " ".repeat(marker.length());
      List<String> itemLines = childLines(item);
      for (int i = 0; i < itemLines.size(); i++) {
        out.add((i == 0 ? marker : indent) + itemLines.get(i));
      }
      if (itemLines.isEmpty()) {
        out.add(marker.strip());
      }
    }
    return out;
  }

  private static List<String> tableLines(TableBlock table) {
    List<String> out = new ArrayList<>();
    addRows(table, out);
    return out;
  }

  private static void addRows(Node node, List<String> out) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof TableRow row) {
        List<String> cells = new ArrayList<>();
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
          if (cell instanceof TableCell) {
            StringBuilder text = new StringBuilder();
            appendInline(cell, text);
            cells.add(text.toString().strip());
          }
        }
        out.add(String.join(" | ", cells));
      } else {
        addRows(child, out);
      }
    }
  }

  /** Appends the visible text of inline content: markup dropped, links and images as text. */
  private static void appendInline(Node parent, StringBuilder out) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
      switch (node) {
        case Text text -> out.append(text.getLiteral());
        case Code code -> out.append(code.getLiteral());
        case SoftLineBreak b -> out.append(' ');
        case HardLineBreak b -> out.append('\n');
        case HtmlInline html -> {}
        case Link link -> {
          int before = out.length();
          appendInline(link, out);
          if (out.length() == before && link.getDestination() != null) {
            out.append(link.getDestination());
          }
        }
        default -> appendInline(node, out);
      }
    }
  }
}

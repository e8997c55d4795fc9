package io.cogentx.plugins.loader.office;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A table's rows as text, each row with its header: {@code "Food: Blueberry | Calories per portion:
 * 150"}, so that a question about a cell finds its row and the row says what each value is. Cells
 * are separated by {@value #CELL_SEPARATOR}, as the PDF loader's table rows are.
 */
final class TableRows {

  static final String CELL_SEPARATOR = " | ";

  /** How the header of a table is found. */
  enum HeaderRule {
    /**
     * Documents and CSV: the first row is the header when the table has more than one row and the
     * row has two or more cells (or is all header cells, {@code <th>}).
     */
    FIRST_ROW,
    /**
     * Spreadsheets: a header is a row of two or more cells of text only (no numbers) before rows
     * with numbers; header rows directly above one another are merged column by column (a title
     * over "Sales" gives "January–June 2023 Sales"). A row of text that follows numbers without a
     * blank row between is a row of data. Rows of one cell (titles, notes) stand alone.
     */
    SPREADSHEET
  }

  /** One cell: its text and whether it was marked as a header cell. */
  record Cell(String text, boolean header) {}

  /** A number as spreadsheets show one: 3,128 or (1,164) or 0.5 % or 12.5 or — . */
  private static final Pattern NUMBER =
      Pattern.compile("[(\\-−+]?[$€£¥]?\\s?\\d[\\d,.'\\s]*%?\\)?|[—–-]");

  private TableRows() {}

  /** The rows of a table as texts, in order; empty rows are left out. */
  static List<String> format(List<List<Cell>> rows, HeaderRule rule) {
    List<List<Cell>> kept = new ArrayList<>();
    List<Boolean> gapBefore = new ArrayList<>();
    boolean gap = false;
    for (List<Cell> row : rows) {
      if (filled(row) == 0) {
        gap = true;
        continue;
      }
      kept.add(row);
      gapBefore.add(gap);
      gap = false;
    }
    return rule == HeaderRule.FIRST_ROW ? firstRow(kept) : spreadsheet(kept, gapBefore);
  }

  private static List<String> firstRow(List<List<Cell>> rows) {
    List<String> out = new ArrayList<>();
    boolean anyHeaderCell = rows.stream().flatMap(List::stream).anyMatch(Cell::header);
    List<Cell> first = rows.isEmpty() ? List.of() : rows.get(0);
    boolean firstIsHeader =
        rows.size() > 1
            && filled(first) >= 2
            && (!anyHeaderCell || first.stream().allMatch(c -> c.header() || c.text().isEmpty()));
    List<String> header = firstIsHeader ? texts(first) : List.of();
    for (int i = firstIsHeader ? 1 : 0; i < rows.size(); i++) {
      out.add(row(header, rows.get(i)));
    }
    return out;
  }

  private static List<String> spreadsheet(List<List<Cell>> rows, List<Boolean> gapBefore) {
    List<String> out = new ArrayList<>();
    List<String> header = List.of();
    String caption = null;
    boolean lastWasHeader = false;
    boolean lastWasData = false;
    for (int i = 0; i < rows.size(); i++) {
      List<Cell> row = rows.get(i);
      int filled = filled(row);
      boolean textOnly = row.stream().noneMatch(c -> isNumber(c.text()));
      if (filled == 1) {
        out.add(nonEmpty(row).get(0));
        lastWasHeader = false;
        lastWasData = false;
      } else if (textOnly && (lastWasHeader || !lastWasData || gapBefore.get(i))) {
        if (lastWasHeader && !gapBefore.get(i)) {
          List<String> upper = header;
          if (spans(upper) && filled >= 3) {
            // a title over the columns ("January–June 2023") applies to every row, not one column
            caption = upper.stream().skip(1).filter(t -> !t.isEmpty()).findFirst().orElse(null);
            upper = List.of(upper.get(0));
          }
          header = merge(upper, texts(row));
        } else {
          header = texts(row);
          caption = null;
        }
        lastWasHeader = true;
        lastWasData = false;
        if (i == rows.size() - 1 || filled(rows.get(i + 1)) < 2) {
          out.add(String.join(CELL_SEPARATOR, nonEmpty(row))); // a header over nothing: keep it
        }
      } else {
        String text = row(header, row);
        out.add(caption == null ? text : caption + " — " + text);
        lastWasHeader = false;
        lastWasData = true;
      }
    }
    return out;
  }

  /** A header row with a label in the first column and one title somewhere over the others. */
  private static boolean spans(List<String> header) {
    return header.stream().skip(1).filter(t -> !t.isEmpty()).count() == 1;
  }

  /** Header rows stacked: each column's texts joined, top first. */
  private static List<String> merge(List<String> upper, List<String> lower) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.max(upper.size(), lower.size()); i++) {
      String a = i < upper.size() ? upper.get(i) : "";
      String b = i < lower.size() ? lower.get(i) : "";
      out.add(a.isEmpty() || a.equals(b) ? b : b.isEmpty() ? a : a + " " + b);
    }
    return out;
  }

  private static String row(List<String> header, List<Cell> row) {
    if (header.isEmpty() && rowHeaded(row)) {
      // a row that names itself (<th>Founded</th><td>1975</td>): "Founded: 1975"
      return row.get(0).text()
          + ": "
          + String.join(CELL_SEPARATOR, nonEmpty(row.subList(1, row.size())));
    }
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < row.size(); i++) {
      String value = row.get(i).text();
      if (value.isEmpty()) {
        continue;
      }
      String name = i < header.size() ? header.get(i) : "";
      cells.add(name.isEmpty() || name.equals(value) ? value : name + ": " + value);
    }
    return String.join(CELL_SEPARATOR, cells);
  }

  private static boolean rowHeaded(List<Cell> row) {
    return row.size() >= 2
        && row.get(0).header()
        && !row.get(0).text().isEmpty()
        && row.stream().skip(1).noneMatch(Cell::header)
        && filled(row) >= 2;
  }

  static boolean isNumber(String text) {
    return !text.isEmpty() && NUMBER.matcher(text).matches();
  }

  private static int filled(List<Cell> row) {
    return (int) row.stream().filter(c -> !c.text().isEmpty()).count();
  }

  private static List<String> texts(List<Cell> row) {
    return row.stream().map(Cell::text).toList();
  }

  private static List<String> nonEmpty(List<Cell> row) {
    return row.stream().map(Cell::text).filter(t -> !t.isEmpty()).toList();
  }
}

package io.cogentx.plugins.loader.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * A piece of a page in reading order: lines of running text, or table rows whose cells are
 * separated by {@link ReadingOrder#CELL_SEPARATOR}.
 *
 * @param lines the lines, in logical (reading) character order
 * @param table true for table rows
 */
record Block(List<String> lines, boolean table) {

  Block {
    lines = List.copyOf(lines);
  }

  static Block text(List<List<Word>> rows) {
    List<String> lines = new ArrayList<>(rows.size());
    for (List<Word> row : rows) {
      lines.add(VisualOrder.toLogical(row));
    }
    return new Block(lines, false);
  }

  /**
   * Table rows: a new cell starts where a word lies beyond the next column cut and is as far from
   * the previous word as a gutter (words at normal spacing stay together).
   */
  static Block table(List<List<Word>> rows, float[] cuts) {
    List<String> lines = new ArrayList<>(rows.size());
    for (List<Word> row : rows) {
      List<String> cells = new ArrayList<>();
      List<Word> cell = new ArrayList<>();
      int part = -1;
      float end = 0;
      float size = 0;
      for (Word w : row) {
        int p = ReadingOrder.partOf(w, cuts);
        float minGap = ReadingOrder.MIN_GUTTER_EM * Math.max(size, w.fontSize());
        if (p != part && !cell.isEmpty() && w.x0() - end >= minGap) {
          cells.add(VisualOrder.toLogical(cell));
          cell.clear();
        }
        part = p;
        end = w.x1();
        size = w.fontSize();
        cell.add(w);
      }
      if (!cell.isEmpty()) {
        cells.add(VisualOrder.toLogical(cell));
      }
      lines.add(String.join(ReadingOrder.CELL_SEPARATOR, cells));
    }
    return new Block(lines, true);
  }
}

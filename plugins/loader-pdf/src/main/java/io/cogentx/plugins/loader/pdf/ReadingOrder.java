package io.cogentx.plugins.loader.pdf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a page's words in reading order with a recursive XY cut: a region is split at a vertical
 * gutter (whitespace running through all its rows) or at a horizontal band of whitespace, and the
 * pieces are read left to right or top to bottom. Where the pieces of a vertical split are short
 * cells whose rows line up, the region is a table and is read row by row instead, cells separated
 * by {@value #CELL_SEPARATOR}. Two or three columns of running text are read column by column, so a
 * sentence that wraps within a column stays together.
 */
final class ReadingOrder {

  static final String CELL_SEPARATOR = " | ";

  /** A gutter must be at least this many ems wide (column gaps are 1 em or more). */
  static final float MIN_GUTTER_EM = 0.6f;

  /** ... or this wide when the region has fewer than three rows, where chance gaps are likely. */
  private static final float MIN_GUTTER_FEW_ROWS_EM = 1.5f;

  /** A horizontal band must be this many ems high (normal line spacing leaves about 0.2 em). */
  private static final float MIN_BAND_EM = 0.5f;

  /** A column of running text has at least this many words of letters per row (median). */
  private static final double PROSE_WORDS_PER_ROW = 4;

  private static final int MAX_DEPTH = 60;

  private final List<Block> blocks = new ArrayList<>();

  private ReadingOrder() {}

  /** The blocks of a page, main text direction first. */
  static List<Block> blocks(List<Glyph> glyphs) {
    Map<Integer, List<Glyph>> byDirection = new LinkedHashMap<>();
    for (Glyph g : glyphs) {
      byDirection.computeIfAbsent(g.direction(), d -> new ArrayList<>()).add(g);
    }
    List<List<Glyph>> groups = new ArrayList<>(byDirection.values());
    groups.sort(Comparator.comparingInt((List<Glyph> g) -> g.size()).reversed());
    ReadingOrder order = new ReadingOrder();
    for (List<Glyph> group : groups) {
      List<Word> words = WordBuilder.words(group);
      if (!words.isEmpty()) {
        order.layout(words, 0);
      }
    }
    return order.blocks;
  }

  private void layout(List<Word> region, int depth) {
    List<List<Word>> rows = rows(region);
    if (rows.size() == 1 || depth >= MAX_DEPTH) {
      blocks.add(Block.text(rows));
      return;
    }
    float em = medianFontSize(region);
    float minGutter = (rows.size() < 3 ? MIN_GUTTER_FEW_ROWS_EM : MIN_GUTTER_EM) * em;
    List<float[]> gutters = gaps(region, true, minGutter);
    float[] band = widest(gaps(region, false, MIN_BAND_EM * em));
    float widestGutter = widthOf(widest(gutters));
    if (!gutters.isEmpty() && (band == null || 2 * widestGutter >= widthOf(band))) {
      splitVertically(region, rows, gutters, depth);
      return;
    }
    if (band != null) {
      float cut = (band[0] + band[1]) / 2;
      List<Word> above = new ArrayList<>();
      List<Word> below = new ArrayList<>();
      for (Word w : region) {
        ((w.top() + w.bottom()) / 2 < cut ? above : below).add(w);
      }
      layout(above, depth + 1);
      layout(below, depth + 1);
      return;
    }
    int split = rowsSplitForColumns(rows, em);
    if (split > 0) {
      layout(flatten(rows.subList(0, split)), depth + 1);
      layout(flatten(rows.subList(split, rows.size())), depth + 1);
      return;
    }
    blocks.add(Block.text(rows));
  }

  /**
   * Where a header or footer touches columns without a clear band between them: the first row index
   * from which the remaining rows (at least three) share a gutter, or the last one up to which they
   * do; 0 when there is none.
   */
  private static int rowsSplitForColumns(List<List<Word>> rows, float em) {
    int n = rows.size();
    if (n < 4) {
      return 0;
    }
    // Fewer rows can only have more gutters, so test the smallest candidate first and then
    // search for the largest run of rows that still has one.
    float minGutter = MIN_GUTTER_EM * em;
    if (hasGutter(rows.subList(n - 3, n), minGutter)) {
      int low = 1; // rows[low..] may lack a gutter
      int high = n - 3; // rows[high..] has one
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (hasGutter(rows.subList(mid, n), minGutter)) {
          high = mid;
        } else {
          low = mid + 1;
        }
      }
      return high;
    }
    if (hasGutter(rows.subList(0, 3), minGutter)) {
      int low = 3; // rows[..low] has one
      int high = n - 1; // rows[..high] may lack one
      while (low < high) {
        int mid = (low + high + 1) >>> 1;
        if (hasGutter(rows.subList(0, mid), minGutter)) {
          low = mid;
        } else {
          high = mid - 1;
        }
      }
      return low;
    }
    return 0;
  }

  private static boolean hasGutter(List<List<Word>> rows, float minGutter) {
    return !gaps(flatten(rows), true, minGutter).isEmpty();
  }

  private void splitVertically(
      List<Word> region, List<List<Word>> rows, List<float[]> gutters, int depth) {
    float[] cuts = new float[gutters.size()];
    for (int i = 0; i < cuts.length; i++) {
      cuts[i] = (gutters.get(i)[0] + gutters.get(i)[1]) / 2;
    }
    Arrays.sort(cuts);
    List<List<Word>> parts = new ArrayList<>();
    for (int i = 0; i <= cuts.length; i++) {
      parts.add(new ArrayList<>());
    }
    for (Word w : region) {
      parts.get(partOf(w, cuts)).add(w);
    }
    if (isTable(rows, parts, cuts)) {
      float minWidth = MIN_GUTTER_EM * medianFontSize(region);
      blocks.add(Block.table(rows, tableColumnCuts(rows, minWidth)));
      return;
    }
    for (List<Word> part : parts) {
      layout(part, depth + 1);
    }
  }

  /**
   * Columns of running text (at least two parts with several words per row) are read one after the
   * other; short cells whose rows line up across parts are a table.
   */
  private static boolean isTable(List<List<Word>> rows, List<List<Word>> parts, float[] cuts) {
    int prose = 0;
    for (List<Word> part : parts) {
      if (isProse(part)) {
        prose++;
      }
    }
    if (prose >= 2 && parts.size() <= 4) {
      return false;
    }
    if (rows.size() < 2) {
      return false;
    }
    int aligned = 0;
    for (List<Word> row : rows) {
      int first = -1;
      for (Word w : row) {
        int part = partOf(w, cuts);
        if (first < 0) {
          first = part;
        } else if (part != first) {
          aligned++;
          break;
        }
      }
    }
    return aligned * 2 >= rows.size();
  }

  /**
   * Column boundaries of a table: whitespace that runs through all but a few rows (at most a
   * tenth), so that a header or total row straddling columns does not merge them.
   */
  static float[] tableColumnCuts(List<List<Word>> rows, float minWidth) {
    int allowed = rows.size() >= 5 ? Math.max(1, rows.size() / 10) : 0;
    List<float[]> events = new ArrayList<>();
    float left = Float.POSITIVE_INFINITY;
    float right = Float.NEGATIVE_INFINITY;
    for (List<Word> row : rows) {
      float start = Float.NaN;
      float end = Float.NaN;
      for (Word w : row) { // row is sorted by x0: merge touching words into spans
        if (!Float.isNaN(start) && w.x0() <= end) {
          end = Math.max(end, w.x1());
          continue;
        }
        if (!Float.isNaN(start)) {
          events.add(new float[] {start, 1});
          events.add(new float[] {end, -1});
        }
        start = w.x0();
        end = w.x1();
      }
      if (!Float.isNaN(start)) {
        events.add(new float[] {start, 1});
        events.add(new float[] {end, -1});
        left = Math.min(left, row.get(0).x0());
        right = Math.max(right, end);
      }
    }
    events.sort((a, b) -> a[0] != b[0] ? Float.compare(a[0], b[0]) : Float.compare(a[1], b[1]));
    List<Float> cuts = new ArrayList<>();
    int coverage = 0;
    float freeSince = Float.NaN;
    for (float[] e : events) {
      int before = coverage;
      coverage += (int) e[1];
      if (before > allowed && coverage <= allowed) {
        freeSince = e[0];
      } else if (before <= allowed && coverage > allowed && !Float.isNaN(freeSince)) {
        if (e[0] - freeSince >= minWidth && freeSince > left && e[0] < right) {
          cuts.add((freeSince + e[0]) / 2);
        }
        freeSince = Float.NaN;
      }
    }
    float[] result = new float[cuts.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = cuts.get(i);
    }
    return result;
  }

  /** Running text: rows of several words (numbers do not count), in at least two rows. */
  private static boolean isProse(List<Word> part) {
    List<List<Word>> rows = rows(part);
    if (rows.size() < 2) {
      return false;
    }
    int[] counts = new int[rows.size()];
    for (int i = 0; i < counts.length; i++) {
      for (Word w : rows.get(i)) {
        if (isWordOfLetters(w.text())) {
          counts[i]++;
        }
      }
    }
    Arrays.sort(counts);
    double median =
        counts.length % 2 == 1
            ? counts[counts.length / 2]
            : (counts[counts.length / 2 - 1] + counts[counts.length / 2]) / 2.0;
    return median >= PROSE_WORDS_PER_ROW;
  }

  private static boolean isWordOfLetters(String text) {
    int letters = 0;
    for (int i = 0; i < text.length() && letters < 2; i++) {
      if (Character.isLetter(text.charAt(i))) {
        letters++;
      }
    }
    return letters >= 2;
  }

  static int partOf(Word w, float[] cuts) {
    float center = (w.x0() + w.x1()) / 2;
    int i = 0;
    while (i < cuts.length && center > cuts[i]) {
      i++;
    }
    return i;
  }

  /**
   * Whitespace runs in the projection of the words on the x axis ({@code vertical}: gutters) or the
   * y axis (bands) at least {@code minWidth} wide, as {start, end} pairs.
   */
  static List<float[]> gaps(List<Word> words, boolean vertical, float minWidth) {
    int n = words.size();
    float[] starts = new float[n];
    float[] ends = new float[n];
    for (int i = 0; i < n; i++) {
      Word w = words.get(i);
      starts[i] = vertical ? w.x0() : w.top();
      ends[i] = vertical ? w.x1() : w.bottom();
    }
    List<float[]> gaps = new ArrayList<>();
    float end = Float.NEGATIVE_INFINITY;
    for (int i : FloatOrder.order(starts)) {
      if (end != Float.NEGATIVE_INFINITY && starts[i] - end >= minWidth) {
        gaps.add(new float[] {end, starts[i]});
      }
      end = Math.max(end, ends[i]);
    }
    return gaps;
  }

  private static float[] widest(List<float[]> gaps) {
    float[] best = null;
    for (float[] g : gaps) {
      if (best == null || widthOf(g) > widthOf(best)) {
        best = g;
      }
    }
    return best;
  }

  private static float widthOf(float[] gap) {
    return gap == null ? 0 : gap[1] - gap[0];
  }

  /** Words grouped into rows by baseline, top to bottom, each row left to right. */
  static List<List<Word>> rows(List<Word> words) {
    List<Word> sorted = FloatOrder.sorted(words, Word::baseline);
    List<List<Word>> rows = new ArrayList<>();
    List<Word> row = null;
    float reference = 0;
    float size = 0;
    for (Word w : sorted) {
      if (row != null && w.baseline() - reference <= 0.35f * Math.max(size, w.fontSize())) {
        row.add(w);
        size = Math.max(size, w.fontSize());
      } else {
        row = new ArrayList<>();
        row.add(w);
        rows.add(row);
        reference = w.baseline();
        size = w.fontSize();
      }
    }
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).size() > 1) {
        rows.set(i, FloatOrder.sorted(rows.get(i), Word::x0));
      }
    }
    return rows;
  }

  private static List<Word> flatten(List<List<Word>> rows) {
    List<Word> all = new ArrayList<>();
    rows.forEach(all::addAll);
    return all;
  }

  private static float medianFontSize(List<Word> words) {
    float[] sizes = new float[words.size()];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = words.get(i).fontSize();
    }
    Arrays.sort(sizes);
    return sizes.length == 0 ? 10f : Math.max(1f, sizes[sizes.length / 2]);
  }
}

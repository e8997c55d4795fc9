package io.cogentx.plugins.loader.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reading order: columns are read one after the other so sentences that wrap stay together, and
 * table rows stay on one line with their cells separated. Synthetic pages test the layout rules
 * alone; the sample PDFs test them on real files.
 */
class ReadingOrderTest {

  private static final float SIZE = 10f;

  /** Glyphs of {@code text} at (x, baseline), each character half an em wide, spaces as gaps. */
  static List<Glyph> line(String text, float x, float baseline) {
    List<Glyph> glyphs = new ArrayList<>();
    float pos = x;
    for (char c : text.toCharArray()) {
      if (c == ' ') {
        pos += 0.3f * SIZE;
        continue;
      }
      glyphs.add(
          new Glyph(String.valueOf(c), pos, baseline, 0.5f * SIZE, 0.7f * SIZE, SIZE, false, 0));
      pos += 0.5f * SIZE;
    }
    return glyphs;
  }

  static String layout(List<Glyph> glyphs) {
    return PageText.of(ReadingOrder.blocks(glyphs));
  }

  @Test
  void twoColumnsWithAlignedBaselinesAreReadColumnByColumn() {
    String[] left = {
      "The quick brown fox jumps over",
      "the lazy dog and then it runs",
      "away into the dark forest."
    };
    String[] right = {
      "A second column starts here and",
      "continues with its own words for",
      "several more lines of text."
    };
    List<Glyph> page = new ArrayList<>();
    for (int i = 0; i < left.length; i++) {
      page.addAll(line(left[i], 50, 100 + 12 * i));
      page.addAll(line(right[i], 250, 100 + 12 * i));
    }
    String text = SamplePdfs.flat(layout(page));
    assertThat(text)
        .isEqualTo(
            "The quick brown fox jumps over the lazy dog and then it runs away into the dark"
                + " forest. A second column starts here and continues with its own words for"
                + " several more lines of text.");
  }

  @Test
  void aTitleAcrossBothColumnsComesFirst() {
    List<Glyph> page = new ArrayList<>(line("A Title Spanning The Whole Page Width Here", 50, 60));
    for (int i = 0; i < 3; i++) {
      page.addAll(line("left column words go here " + i, 50, 100 + 12 * i));
      page.addAll(line("right column words go here " + i, 250, 100 + 12 * i));
    }
    String text = layout(page);
    assertThat(text).startsWith("A Title Spanning The Whole Page Width Here\n\n");
    assertThat(SamplePdfs.flat(text))
        .contains(
            "left column words go here 0 left column words go here 1 left column words go here 2"
                + " right column");
  }

  @Test
  void aTableIsReadRowByRowWithCellsSeparated() {
    List<Glyph> page = new ArrayList<>();
    String[][] rows = {
      {"State", "Permit", "Handgun"}, {"Alabama", "18,870", "23,022"}, {"Alaska", "209", "3,062"}
    };
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < 3; c++) {
        page.addAll(line(rows[r][c], 50 + 120 * c, 100 + 12 * r));
      }
    }
    assertThat(layout(page).lines())
        .containsExactly(
            "State | Permit | Handgun", "Alabama | 18,870 | 23,022", "Alaska | 209 | 3,062");
  }

  @Test
  void aWordHyphenatedAtALineEndIsJoined() {
    List<Glyph> page = new ArrayList<>(line("consectetuer adip-", 50, 100));
    page.addAll(line("iscing elit", 50, 112));
    assertThat(SamplePdfs.flat(layout(page))).isEqualTo("consectetuer adipiscing elit");
  }

  @Test
  void spacePaddingUnderTheNextCellDoesNotSplitWords() {
    // spreadsheets draw padding spaces that run under the following text
    List<Glyph> page = new ArrayList<>(line("03/25/2016", 100, 100));
    for (int i = 0; i < 8; i++) {
      page.add(new Glyph(" ", 96 + 2.9f * i, 100, 2.9f, 0.7f * SIZE, SIZE, true, 0));
    }
    assertThat(layout(page)).isEqualTo("03/25/2016");
  }

  @Test
  void multicolumnSampleKeepsSentencesTogetherWithinAndAcrossColumns() throws Exception {
    String text = SamplePdfs.load("multicolumn.pdf").flatText();
    // wraps over three lines of the left column (and a hyphenated word)
    assertThat(text)
        .contains(
            "Lorem ipsum dolor sit amet, consectetuer adipiscing elit. Ut purus elit, vestibulum"
                + " ut, placerat ac, adipiscing vitae, felis.");
    // continues from the bottom of the left column to the top of the right one
    assertThat(text).contains("Donec nonummy pellentesque ante. Phasellus adipiscing semper elit.");
  }

  @Test
  void threeColumnFederalRegisterKeepsSentencesTogether() throws Exception {
    String text = SamplePdfs.load("federal-register-2020-17221.pdf").flatText();
    assertThat(text)
        .contains(
            "This proposed AD would require installing new flight control computer (FCC) software,"
                + " revising the existing Airplane Flight Manual (AFM) to incorporate new and revised"
                + " flightcrew procedures");
    // across the boundary of the second and third column of page 1
    assertThat(text)
        .contains(
            "The most helpful comments reference a specific portion of the proposal, explain the"
                + " reason for any recommended change");
  }
}

package io.cogentx.plugins.loader.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The helpers behind messages, titles, sniffing, glyph names and right-to-left text. */
class SmallPartsTest {

  @Test
  void pageListsAreWrittenAsRanges() {
    assertThat(PageRanges.describe(List.of(4))).isEqualTo("page 4");
    assertThat(PageRanges.describe(List.of(1, 2, 3, 5, 7, 8))).isEqualTo("pages 1–3, 5, 7–8");
  }

  @Test
  void pdfMagicIsFoundWithinTheFirstKilobyte() {
    assertThat(PdfSignature.isPdf("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).isTrue();
    byte[] junkFirst = ("\u00ef\u00bb\u00bfjunk\n%PDF-1.4").getBytes(StandardCharsets.ISO_8859_1);
    assertThat(PdfSignature.isPdf(junkFirst)).isTrue();
    assertThat(PdfSignature.isPdf("PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1)))
        .isFalse();
    assertThat(PdfSignature.isPdf(new byte[0])).isFalse();
  }

  @Test
  void fileNamesAndPlaceholdersAreNotTitles() {
    assertThat(PdfTitle.isSensible("2018 Instruction 1040")).isTrue();
    assertThat(PdfTitle.isSensible("Geometrie und Topologie")).isTrue();
    assertThat(PdfTitle.isSensible("Binder1.pdf")).isFalse();
    assertThat(PdfTitle.isSensible("10811.exe")).isFalse();
    assertThat(PdfTitle.isSensible("Untitled")).isFalse();
    assertThat(PdfTitle.isSensible("Microsoft Word - report.doc")).isFalse();
    assertThat(PdfTitle.isSensible("C:\\Users\\me\\report")).isFalse();
    assertThat(PdfTitle.isSensible("  ")).isFalse();
    assertThat(PdfTitle.isSensible("1234")).isFalse();
  }

  @Test
  void ligatureGlyphNamesBecomeLetters() {
    assertThat(UnicodeRepair.glyphNameToUnicode("f_i")).isEqualTo("fi");
    assertThat(UnicodeRepair.glyphNameToUnicode("f_f_l")).isEqualTo("ffl");
    assertThat(UnicodeRepair.glyphNameToUnicode("uni0041")).isEqualTo("A");
    assertThat(UnicodeRepair.glyphNameToUnicode("a.sc")).isEqualTo("a");
    assertThat(UnicodeRepair.glyphNameToUnicode(".notdef")).isEmpty();
  }

  @Test
  void rightToLeftGlyphsDrawnFromTheLeftAreReadFromTheRight() {
    // "سلام" drawn glyph by glyph from the left: م ا ل س
    Word arabic = new Word("مالس", 100, 140, 10, 10, new int[] {1, 2, 3, 4});
    Word latin = new Word("peace", 10, 60, 10, 10, null);
    assertThat(VisualOrder.toLogical(List.of(arabic))).isEqualTo("سلام");
    assertThat(VisualOrder.toLogical(List.of(latin, arabic))).isEqualTo("peace سلام");
  }

  @Test
  void aGlyphHoldingSeveralCharactersKeepsTheirOrder() {
    // a lam-alef ligature glyph maps to "لا" in reading order; the word is "سلام" again
    Word arabic = new Word("ملاس", 100, 140, 10, 10, new int[] {1, 3, 4});
    assertThat(VisualOrder.toLogical(List.of(arabic))).isEqualTo("سلام");
  }
}

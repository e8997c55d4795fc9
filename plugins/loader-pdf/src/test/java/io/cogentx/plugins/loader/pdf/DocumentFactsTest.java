package io.cogentx.plugins.loader.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Facts a user would ask about, found on the right page and in readable form. */
class DocumentFactsTest {

  @Test
  void irsStandardDeductionIsOnPage6() throws Exception {
    SamplePdfs.Loaded irs = SamplePdfs.load("irs-i1040gi-2018.pdf");
    String page6 = SamplePdfs.flat(irs.page(6));
    int topic = page6.indexOf("the standard deduction amount has been increased");
    int amount = page6.indexOf("Single or Married filing separately—$12,000");
    assertThat(topic).isNotNegative();
    assertThat(amount).isGreaterThan(topic).isLessThan(topic + 200);
    assertThat(irs.segments()).hasSize(117);
    // ligature glyphs without a Unicode mapping (f_i) are read by their glyph names
    assertThat(irs.text()).contains("filing").doesNotContain("\u001f");
  }

  @Test
  void federalRegisterCommentDeadline() throws Exception {
    String text = SamplePdfs.load("federal-register-2020-17221.pdf").flatText();
    assertThat(text)
        .contains("The FAA must receive comments on this proposed AD by September 21, 2020.");
  }

  @Test
  void arabicIsKeptInReadingOrder() throws Exception {
    String text = SamplePdfs.load("habibi.pdf").text();
    assertThat(text).contains("حَبيبي").contains("habibi");
  }

  @Test
  void germanUmlautsAndSharpSAreKept() throws Exception {
    String text = SamplePdfs.load("GeoTopo-komprimiert.pdf").text();
    assertThat(text).contains("Metrische Räume").contains("heißt").contains("für");
  }
}

package io.cogentx.plugins.loader.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cogentx.plugins.loader.pdf.hostile.HostilePdfs;
import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.Segment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile PDFs end as a bounded, correct result (the readable pages, a warning for the rest) or a
 * refusal a person can act on; never a full heap, a hang or an error nobody foresaw.
 */
class HostilePdfTest {

  private static final String TEXT = "The heron waits by the river.";

  @TempDir Path dir;

  private final DocumentLoader loader = SamplePdfs.loader(Map.of("PDF_EXTRACT_THREADS", "1"));

  private SamplePdfs.Loaded load(byte[] pdf) throws IOException, DocumentException {
    Path file = Files.write(dir.resolve("hostile.pdf"), pdf);
    return SamplePdfs.load(loader, file, Map.of());
  }

  private static String text(SamplePdfs.Loaded loaded) {
    return String.join(" ", loaded.segments().stream().map(Segment::text).toList());
  }

  @Test
  void aPageInflatingPastThePageBudgetIsSkippedAndTheRestRead() throws Exception {
    byte[] pdf = HostilePdfs.flateBombThenText(64, TEXT);
    assertThat(pdf.length).isLessThan(1 << 20);
    long before = usedHeap();
    SamplePdfs.Loaded loaded = load(pdf);
    assertThat(text(loaded)).contains("heron waits");
    assertThat(loaded.result().warnings())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("Page 1 would have taken more than this server reads of one page")
        .contains("48 MB");
    assertThat(usedHeap() - before).isLessThan(256L << 20);
  }

  @Test
  void aDocumentInflatingPastItsBudgetIsRefusedAsTooLarge() throws Exception {
    byte[] pdf = HostilePdfs.sharedFlateBomb(15, 40); // 15 pages × 40 MB = 600 MB from ~40 KB
    assertThat(pdf.length).isLessThan(1 << 20);
    assertThatThrownBy(() -> load(pdf))
        .isInstanceOfSatisfying(
            DocumentException.class,
            e -> assertThat(e.reason()).isEqualTo(DocumentException.Reason.TOO_LARGE))
        .hasMessageContaining("decompresses to more than 512 MB");
  }

  @Test
  void aPageDrawingTooManyGlyphsIsSkipped() throws Exception {
    SamplePdfs.Loaded loaded = load(HostilePdfs.glyphFloodThenText(300_000, TEXT));
    assertThat(text(loaded)).contains("heron waits");
    assertThat(loaded.result().warnings()).anyMatch(w -> w.startsWith("Page 1 would have taken"));
  }

  @Test
  void deepNestingOfStatesOperandsAndObjectsIsBounded() throws Exception {
    assertThat(text(load(HostilePdfs.stateNestingThenText(2_000_000, TEXT)))).contains("heron");
    assertThat(text(load(HostilePdfs.nestedOperandThenText(100_000, TEXT)))).contains("heron");
    assertThat(text(load(HostilePdfs.nestedObjects(100_000, TEXT)))).contains("heron");
  }

  @Test
  void cyclesEndInsteadOfRecursingForEver() throws Exception {
    assertThat(text(load(HostilePdfs.selfDrawingForm(TEXT)))).contains("heron");
    try {
      assertThat(text(load(HostilePdfs.cyclicPageTree(TEXT)))).contains("heron");
    } catch (DocumentException refused) {
      assertThat(refused.reason()).isEqualTo(DocumentException.Reason.DAMAGED);
    }
  }

  @Test
  void budgetedFiltersAreInPlace() {
    assertThat(BudgetedFilter.install()).isTrue();
  }

  private static long usedHeap() {
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }
}

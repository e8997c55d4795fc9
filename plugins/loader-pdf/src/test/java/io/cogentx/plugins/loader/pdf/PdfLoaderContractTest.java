package io.cogentx.plugins.loader.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.spi.DocumentLoaderProvider;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.Segment;
import io.cogentx.spi.contract.DocumentLoaderContract;
import io.cogentx.spi.contract.Loads;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SPI's loader contract, plus streaming page by page and cancelling between pages. */
class PdfLoaderContractTest extends DocumentLoaderContract {

  @Override
  protected DocumentLoaderProvider provider() {
    return new PdfLoaderProvider();
  }

  @Override
  protected LoadRequest sample() {
    Path file = SamplePdfs.file("federal-register-2020-17221.pdf");
    return new LoadRequest(file, "federal-register.pdf", "application/pdf", Map.of());
  }

  @Override
  protected String samplePhrase() {
    return "September 21, 2020";
  }

  @Test
  void declaresPdfAndCountsPages() {
    assertThat(loader.mediaTypes()).containsExactly("application/pdf");
    assertThat(loader.fileExtensions()).containsExactly("pdf");
    assertThat(loader.progressUnit()).isEqualTo("page");
  }

  @Test
  void stopsAtTheNextPageWhenCancelledAndSaysSo() throws Exception {
    Path file = SamplePdfs.file("irs-i1040gi-2018.pdf");
    Loads.Result result =
        Loads.load(loader, new LoadRequest(file, "irs.pdf", "application/pdf", Map.of()), 3);
    assertThat(result.segments()).extracting(Segment::page).containsExactly(1, 2, 3);
    assertThat(result.result().warnings())
        .containsExactly("Loading was cancelled after page 3 of 117.");
  }

  @Test
  void parallelReadingGivesTheSameSegmentsInOrder() throws Exception {
    Path irs = SamplePdfs.file("irs-i1040gi-2018.pdf");
    SamplePdfs.Loaded oneThread =
        SamplePdfs.load(SamplePdfs.loader(Map.of("PDF_EXTRACT_THREADS", "1")), irs, Map.of());
    SamplePdfs.Loaded threeThreads =
        SamplePdfs.load(SamplePdfs.loader(Map.of("PDF_EXTRACT_THREADS", "3")), irs, Map.of());
    assertThat(threeThreads.segments()).isEqualTo(oneThread.segments());
    assertThat(threeThreads.progress()).isEqualTo(oneThread.progress());
  }
}

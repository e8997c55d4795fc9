package io.cogentx.plugins.loader.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.LoadResult;
import io.cogentx.spi.PluginConfig;
import io.cogentx.spi.Segment;
import io.cogentx.spi.SegmentSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the server relies on: discovery, names, streaming page by page, cancellation, cleanup. */
class LoaderContractTest {

  @Test
  void isFoundByServiceLoaderAsPdf() {
    List<DocumentLoader> loaders =
        ServiceLoader.load(DocumentLoader.class).stream().map(ServiceLoader.Provider::get).toList();
    assertThat(loaders).anySatisfy(l -> assertThat(l).isInstanceOf(PdfLoader.class));
    DocumentLoader pdf = new PdfLoader();
    assertThat(pdf.name()).isEqualTo("pdf");
    assertThat(pdf.mediaTypes()).containsExactly("application/pdf");
    assertThat(pdf.fileExtensions()).containsExactly("pdf");
  }

  @Test
  void stopsAtTheNextPageWhenCancelledAndSaysSo() throws Exception {
    Path file = SamplePdfs.file("irs-i1040gi-2018.pdf");
    List<Segment> segments = new ArrayList<>();
    SegmentSink cancelAfterThree =
        new SegmentSink() {
          @Override
          public void accept(Segment segment) {
            segments.add(segment);
          }

          @Override
          public boolean cancelled() {
            return segments.size() >= 3;
          }
        };
    LoadResult result;
    try (InputStream in = Files.newInputStream(file)) {
      result =
          SamplePdfs.loader()
              .load(new LoadRequest(in, "irs.pdf", "application/pdf", Map.of()), cancelAfterThree);
    }
    assertThat(segments).extracting(Segment::page).containsExactly(1, 2, 3);
    assertThat(result.warnings()).containsExactly("Loading was cancelled after page 3 of 117.");
  }

  @Test
  void parallelReadingGivesTheSameSegmentsInOrder() throws Exception {
    Path irs = SamplePdfs.file("irs-i1040gi-2018.pdf");
    SamplePdfs.Loaded oneThread =
        SamplePdfs.load(
            new PdfLoader(PluginConfig.of(Map.of("PDF_EXTRACT_THREADS", "1")), List.of()),
            irs,
            Map.of());
    SamplePdfs.Loaded threeThreads =
        SamplePdfs.load(
            new PdfLoader(PluginConfig.of(Map.of("PDF_EXTRACT_THREADS", "3")), List.of()),
            irs,
            Map.of());
    assertThat(threeThreads.segments()).isEqualTo(oneThread.segments());
    assertThat(threeThreads.progress()).isEqualTo(oneThread.progress());
  }

  @Test
  void leavesNoTemporaryFileBehind() throws Exception {
    Set<Path> before = spooledFiles();
    SamplePdfs.load("multicolumn.pdf");
    try {
      SamplePdfs.load("invalid.pdf");
    } catch (io.cogentx.spi.DocumentException expected) {
      // refused as damaged; the spooled copy must still be gone
    }
    // /tmp is shared: a file another process is loading right now goes away when it is done
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (!before.containsAll(spooledFiles()) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(spooledFiles()).isSubsetOf(before);
  }

  private static Set<Path> spooledFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return Set.copyOf(
          files.filter(p -> p.getFileName().toString().startsWith("cogentx-pdf-")).toList());
    }
  }
}

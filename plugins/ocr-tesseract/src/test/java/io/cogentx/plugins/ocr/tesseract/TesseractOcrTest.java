package io.cogentx.plugins.ocr.tesseract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.OcrEngine;
import io.cogentx.spi.OcrEngineProvider;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tesseract engine: found by the PDF loader, honest about being missing, bounded in time. */
class TesseractOcrTest {

  private static final OcrEngine.Options ENGLISH =
      new OcrEngine.Options(List.of("eng"), Duration.ofSeconds(60), 300);

  @Test
  void isRegisteredForThePdfLoader() {
    assertThat(
            ServiceLoader.load(OcrEngineProvider.class).stream().map(ServiceLoader.Provider::type))
        .contains(TesseractOcrProvider.class);
  }

  @Test
  void aMissingProgramMakesOcrUnavailable() {
    assertThat(new TesseractOcr("/nonexistent/tesseract").available()).isFalse();
    assertThat(new TesseractOcr("no-such-tesseract-command").available()).isFalse();
  }

  @Test
  void aPageThatTakesTooLongIsAbandoned(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
    Path slow = dir.resolve("slow-tesseract");
    Files.writeString(slow, "#!/bin/sh\nsleep 30\n");
    Files.setPosixFilePermissions(slow, PosixFilePermissions.fromString("rwx------"));
    TesseractOcr ocr = new TesseractOcr(slow.toString());
    OcrEngine.Options oneSecond = new OcrEngine.Options(List.of("eng"), Duration.ofSeconds(1), 300);
    long start = System.nanoTime();
    assertThatThrownBy(() -> ocr.recognize(blankPage(), oneSecond))
        .isInstanceOf(TimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aFailingRunIsAnErrorWithTesseractsMessage(@TempDir Path dir) throws Exception {
    Path failing = dir.resolve("failing-tesseract");
    Files.writeString(failing, "#!/bin/sh\necho 'Failed loading language xyz' >&2\nexit 1\n");
    Files.setPosixFilePermissions(failing, PosixFilePermissions.fromString("rwx------"));
    assertThatThrownBy(() -> new TesseractOcr(failing.toString()).recognize(blankPage(), ENGLISH))
        .hasMessageContaining("Failed loading language xyz");
  }

  @Test
  void theDefaultPdfLoaderReadsAScanWithTesseract() throws Exception {
    Samples.assumeTesseract();
    Samples.Loaded loaded =
        Samples.load(Samples.pdfLoader(new TesseractOcrProvider()), Samples.file("c02-22.pdf"));
    assertThat(loaded.text()).contains("went tip-toeing along a path amongst");
    assertThat(loaded.progress()).contains("ocr 1/1", "extracting 1/1");
    assertThat(loaded.result().warnings()).singleElement().asString().contains("OCR (tesseract)");
  }

  @Test
  void anUnavailableTesseractLeavesScansUnread() throws Exception {
    DocumentLoader loader = Samples.pdfLoader(Samples.tesseract("/nonexistent/tess"));
    assertThatThrownBy(() -> Samples.load(loader, Samples.file("epson.pdf")))
        .hasMessageContaining("OCR is not available");
  }

  private static BufferedImage blankPage() {
    return new BufferedImage(100, 100, BufferedImage.TYPE_BYTE_GRAY);
  }
}

package io.cogentx.plugins.loader.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentException.Reason;
import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.OcrEngine;
import io.cogentx.spi.Segment;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Pages without a text layer go to the OCR engine (here a stand-in that reports what it was given),
 * with progress, the configured options and warnings; without an engine the user is told.
 */
class ScanOcrPathTest {

  /** An engine that answers with a fixed text and remembers the images it was given. */
  static final class FakeOcr implements OcrEngine {
    final List<BufferedImage> pages = new ArrayList<>();
    final List<OcrEngine.Options> options = new ArrayList<>();
    final boolean available;
    final boolean timesOut;

    FakeOcr(boolean available, boolean timesOut) {
      this.available = available;
      this.timesOut = timesOut;
    }

    @Override
    public boolean available() {
      return available;
    }

    @Override
    public String recognize(BufferedImage page, OcrEngine.Options options) throws TimeoutException {
      pages.add(page);
      this.options.add(options);
      if (timesOut) {
        throw new TimeoutException("too slow");
      }
      return "recognised page " + pages.size();
    }
  }

  @Test
  void scannedPagesAreRenderedAndRecognised() throws Exception {
    FakeOcr ocr = new FakeOcr(true, false);
    SamplePdfs.Loaded loaded =
        SamplePdfs.load(
            SamplePdfs.loader(Map.of("OCR_TIMEOUT_SECONDS", "7", "OCR_LANGUAGES", "eng+deu"), ocr),
            SamplePdfs.file("multipage.pdf"),
            Map.of());
    // pages 1-3 and 5-6 have no text; page 4 has a (poor) text layer of its own
    assertThat(loaded.segments()).extracting(Segment::page).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(loaded.page(5)).isEqualTo("recognised page 4");
    assertThat(loaded.progress()).contains("ocr 1/6", "ocr 6/6").doesNotContain("ocr 4/6");
    assertThat(loaded.result().warnings())
        .containsExactly(
            "Pages 1–3, 5–6 had no text layer and were read with OCR (fake); the text may contain"
                + " recognition errors.");
    assertThat(ocr.options.getFirst().timeout()).hasSeconds(7);
    assertThat(ocr.options.getFirst().languages()).containsExactly("eng", "deu");
    // a letter-size scan at 300 dpi; the 30-inch test page is rendered smaller
    BufferedImage first = ocr.pages.getFirst();
    assertThat(first.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
    assertThat((long) ocr.pages.get(1).getWidth() * ocr.pages.get(1).getHeight())
        .isLessThanOrEqualTo(ScanOcr.MAX_PIXELS);
  }

  @Test
  void jbig2ScanIsRenderedForOcr() throws Exception {
    FakeOcr ocr = new FakeOcr(true, false);
    SamplePdfs.load(SamplePdfs.loader(ocr), SamplePdfs.file("linn.pdf"), Map.of());
    BufferedImage page = ocr.pages.getFirst();
    assertThat(page.getWidth()).isEqualTo(2550); // 8.5 in at 300 dpi
    assertThat(darkPixelShare(page)).as("the scan is drawn, not a blank page").isGreaterThan(0.02);
  }

  @Test
  void withoutAnAvailableEngineAScanIsRefusedWithTheReason() {
    FakeOcr missing = new FakeOcr(false, false);
    assertThatThrownBy(
            () ->
                SamplePdfs.load(
                    SamplePdfs.loader(missing), SamplePdfs.file("c02-22.pdf"), Map.of()))
        .isInstanceOfSatisfying(
            DocumentException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.EMPTY);
              assertThat(e.getMessage())
                  .contains("no text layer", "looks like a scan", "OCR is not available");
            });
    assertThat(missing.pages).isEmpty();
  }

  @Test
  void ocrCanBeSwitchedOff() {
    FakeOcr ocr = new FakeOcr(true, false);
    DocumentLoader loader = SamplePdfs.loader(Map.of("OCR_ENGINE", "none"), ocr);
    assertThatThrownBy(() -> SamplePdfs.load(loader, SamplePdfs.file("epson.pdf"), Map.of()))
        .isInstanceOf(DocumentException.class);
    assertThat(ocr.pages).isEmpty();
  }

  @Test
  void aTimedOutPageIsReported() {
    FakeOcr slow = new FakeOcr(true, true);
    assertThatThrownBy(
            () -> SamplePdfs.load(SamplePdfs.loader(slow), SamplePdfs.file("c02-22.pdf"), Map.of()))
        .isInstanceOfSatisfying(
            DocumentException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.EMPTY);
              assertThat(e.getMessage()).contains("OCR found no readable text on its page 1");
            });
  }

  private static double darkPixelShare(BufferedImage image) {
    long dark = 0;
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        if ((image.getRGB(x, y) & 0xff) < 128) {
          dark++;
        }
      }
    }
    return dark / ((image.getHeight() / 4.0) * (image.getWidth() / 4.0));
  }
}

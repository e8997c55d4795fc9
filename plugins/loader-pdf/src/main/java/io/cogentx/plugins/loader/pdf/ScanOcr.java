package io.cogentx.plugins.loader.pdf;

import io.cogentx.spi.OcrEngine;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;
import javax.imageio.spi.IIORegistry;
import org.apache.pdfbox.jbig2.JBIG2ImageReaderSpi;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders pages without a text layer in grayscale and hands them to an {@link OcrEngine}. Very
 * large pages are rendered at a lower resolution so that one image stays under {@value #MAX_PIXELS}
 * pixels.
 */
final class ScanOcr {

  /** About 25 MB of grayscale: a letter page at 300 dpi is 8.4 million pixels. */
  static final long MAX_PIXELS = 25_000_000L;

  static {
    registerJbig2Decoder();
  }

  private final PDDocument document;
  private final PDFRenderer renderer;
  private final OcrEngine engine;
  private final PdfSettings settings;

  ScanOcr(PDDocument document, OcrEngine engine, PdfSettings settings) {
    this.document = document;
    this.renderer = new PDFRenderer(document);
    this.engine = engine;
    this.settings = settings;
  }

  /** The recognised text of page {@code pageNumber} (1-based). */
  String recognize(int pageNumber) throws IOException, TimeoutException {
    int dpi = dpiFor(document.getPage(pageNumber - 1).getCropBox(), settings.ocrDpi());
    BufferedImage image = renderer.renderImageWithDPI(pageNumber - 1, dpi, ImageType.GRAY);
    try {
      return engine.recognize(image, settings.ocrOptions(dpi));
    } finally {
      image.flush();
    }
  }

  static int dpiFor(PDRectangle box, int wanted) {
    double squareInches = (box.getWidth() / 72.0) * (box.getHeight() / 72.0);
    if (squareInches <= 0) {
      return wanted;
    }
    int limit = (int) Math.floor(Math.sqrt(MAX_PIXELS / squareInches));
    return Math.max(36, Math.min(wanted, limit));
  }

  /**
   * Scans are often JBIG2-compressed (linn.pdf is). PDFBox decodes them through ImageIO, which
   * finds the decoder only if its registry was first used with this jar visible; a server's
   * per-application class loader can miss it, so it is registered explicitly.
   */
  private static void registerJbig2Decoder() {
    if (!ImageIO.getImageReadersByFormatName("JBIG2").hasNext()) {
      IIORegistry.getDefaultInstance().registerServiceProvider(new JBIG2ImageReaderSpi());
    }
  }
}

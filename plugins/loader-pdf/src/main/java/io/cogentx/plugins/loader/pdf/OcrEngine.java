package io.cogentx.plugins.loader.pdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Optical character recognition for PDF pages that have no text layer (scans). This is the PDF
 * loader's own extension point, not part of the server's SPI: implementations are found with {@link
 * java.util.ServiceLoader} through a {@code
 * META-INF/services/io.cogentx.plugins.loader.pdf.OcrEngine} entry (the {@code ocr-tesseract}
 * module provides one) and need a public no-argument constructor. Implementations must be
 * thread-safe.
 */
public interface OcrEngine {

  /** Name used by the {@code OCR_ENGINE} setting, e.g. {@code tesseract}. */
  String name();

  /** Whether the engine can run here (its program or model is installed); may be cached. */
  boolean available();

  /**
   * Recognises the text of one rendered page.
   *
   * @param page the page rendered at {@link OcrOptions#dpi()} (grayscale)
   * @return the recognised text in reading order, possibly empty
   * @throws TimeoutException when recognition takes longer than {@link OcrOptions#timeout()}
   * @throws IOException when the engine fails
   */
  String recognize(BufferedImage page, OcrOptions options) throws IOException, TimeoutException;
}

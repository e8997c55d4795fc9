package io.cogentx.plugins.loader.pdf;

import io.cogentx.spi.PluginConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The PDF loader's settings.
 *
 * @param ocrEngine {@code OCR_ENGINE}: {@code auto} (first available engine, the default), {@code
 *     none} (never OCR), or an engine name such as {@code tesseract}
 * @param ocrTimeout {@code OCR_TIMEOUT_SECONDS}: the longest OCR of one page (default 60)
 * @param ocrDpi {@code OCR_DPI}: resolution pages are rendered at for OCR (default 300)
 * @param ocrLanguages {@code OCR_LANGUAGES}: engine language codes, comma- or plus-separated
 *     (default {@code eng})
 * @param ocrMaxPages {@code OCR_MAX_PAGES}: at most this many pages of one document are OCRed
 *     (default 100); the rest are reported in a warning
 * @param extractThreads {@code PDF_EXTRACT_THREADS}: threads reading one long document (default: 2,
 *     or 1 on a single core); each holds its own copy of the document
 */
record PdfSettings(
    String ocrEngine,
    Duration ocrTimeout,
    int ocrDpi,
    List<String> ocrLanguages,
    int ocrMaxPages,
    int extractThreads) {

  static PdfSettings from(PluginConfig config) {
    List<String> languages =
        Arrays.stream(config.get("OCR_LANGUAGES", "eng").split("[,+\\s]+"))
            .filter(s -> !s.isBlank())
            .toList();
    return new PdfSettings(
        config.get("OCR_ENGINE", "auto").strip(),
        Duration.ofSeconds(Math.max(1, config.getInt("OCR_TIMEOUT_SECONDS", 60))),
        Math.clamp(config.getInt("OCR_DPI", 300), 72, 600),
        languages.isEmpty() ? List.of("eng") : languages,
        Math.max(0, config.getInt("OCR_MAX_PAGES", 100)),
        Math.clamp(
            config.getInt(
                "PDF_EXTRACT_THREADS", Math.min(2, Runtime.getRuntime().availableProcessors())),
            1,
            16));
  }

  /** Settings from Java system properties, then environment variables. */
  static PluginConfig systemConfig() {
    return key ->
        Optional.ofNullable(System.getProperty(key))
            .or(() -> Optional.ofNullable(System.getenv(key)));
  }

  OcrOptions ocrOptions(int dpi) {
    return new OcrOptions(ocrLanguages, ocrTimeout, dpi);
  }
}

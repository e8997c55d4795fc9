package io.cogentx.plugins.loader.pdf;

import io.cogentx.spi.OcrEngine;
import io.cogentx.spi.PluginConfig;
import io.cogentx.spi.Setting;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

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

  static final Setting OCR_ENGINE =
      Setting.of(
          "OCR_ENGINE",
          "auto",
          "OCR engine for scanned pages: auto (the first available), none, or an engine's name");
  static final Setting OCR_TIMEOUT_SECONDS =
      Setting.of("OCR_TIMEOUT_SECONDS", 60, "The longest OCR of one page, in seconds");
  static final Setting OCR_DPI =
      Setting.of("OCR_DPI", 300, "Resolution scanned pages are rendered at for OCR (72-600)");
  static final Setting OCR_LANGUAGES =
      Setting.of(
          "OCR_LANGUAGES", "eng", "OCR language codes, comma- or plus-separated, e.g. eng+deu");
  static final Setting OCR_MAX_PAGES =
      Setting.of(
          "OCR_MAX_PAGES",
          100,
          "At most this many pages of one document are OCRed; the rest are named in a warning");
  static final Setting EXTRACT_THREADS =
      Setting.of(
          "PDF_EXTRACT_THREADS",
          "",
          "Threads reading one long PDF, each with its own copy of the document (default: 2, or 1"
              + " on a single core)");

  static final List<Setting> ALL =
      List.of(
          OCR_ENGINE, OCR_TIMEOUT_SECONDS, OCR_DPI, OCR_LANGUAGES, OCR_MAX_PAGES, EXTRACT_THREADS);

  static PdfSettings from(PluginConfig config) {
    List<String> languages =
        Arrays.stream(config.get(OCR_LANGUAGES).split("[,+\\s]+"))
            .filter(s -> !s.isBlank())
            .toList();
    return new PdfSettings(
        config.get(OCR_ENGINE),
        Duration.ofSeconds(Math.max(1, config.getInt(OCR_TIMEOUT_SECONDS))),
        Math.clamp(config.getInt(OCR_DPI), 72, 600),
        languages.isEmpty() ? List.of("eng") : languages,
        Math.max(0, config.getInt(OCR_MAX_PAGES)),
        Math.clamp(
            config.getInt(
                EXTRACT_THREADS.name(), Math.min(2, Runtime.getRuntime().availableProcessors())),
            1,
            16));
  }

  OcrEngine.Options ocrOptions(int dpi) {
    return new OcrEngine.Options(ocrLanguages, ocrTimeout, dpi);
  }
}

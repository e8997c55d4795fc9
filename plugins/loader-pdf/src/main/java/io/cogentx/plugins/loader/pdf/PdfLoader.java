package io.cogentx.plugins.loader.pdf;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.LoadResult;
import io.cogentx.spi.PluginConfig;
import io.cogentx.spi.SegmentSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Loader {@code pdf}: text per page with PDFBox in a reading order that keeps columns and table
 * rows together, the title from the metadata, passwords from the {@code password} option, and OCR
 * of scanned pages through an {@link OcrEngine} when one is installed. The upload is spooled to a
 * temporary file and read page by page, so memory does not grow with the file; long documents are
 * read by two threads, each with its own copy of the document.
 *
 * <p>Settings ({@code OCR_ENGINE}, {@code OCR_TIMEOUT_SECONDS}, {@code OCR_DPI}, {@code
 * OCR_LANGUAGES}, {@code OCR_MAX_PAGES}, {@code PDF_EXTRACT_THREADS}; see {@link PdfSettings}) come
 * from system properties or environment variables, as the SPI gives loaders no configuration.
 */
public final class PdfLoader implements DocumentLoader {

  private final PdfSettings settings;
  private final List<OcrEngine> engines;

  /** Settings from system properties and environment; OCR engines found with ServiceLoader. */
  public PdfLoader() {
    this(PdfSettings.systemConfig(), OcrEngines.discover());
  }

  /** For tests and tools: the given settings and OCR engines (empty: no OCR). */
  public PdfLoader(PluginConfig config, List<OcrEngine> engines) {
    this.settings = PdfSettings.from(config);
    this.engines = List.copyOf(engines);
  }

  @Override
  public String name() {
    return "pdf";
  }

  @Override
  public Set<String> mediaTypes() {
    return Set.of("application/pdf");
  }

  @Override
  public Set<String> fileExtensions() {
    return Set.of("pdf");
  }

  @Override
  public LoadResult load(LoadRequest request, SegmentSink sink) throws DocumentException {
    String password = request.option("password").orElse(null);
    List<String> warnings = new ArrayList<>();
    try (SpooledPdf spooled = SpooledPdf.spool(request.content());
        PDDocument document = PdfOpener.open(spooled.path(), spooled.size(), password, warnings)) {
      String title = PdfTitle.of(document);
      new PageExtraction(
              document, () -> PdfOpener.reopen(spooled.path(), password), ocrEngine(), settings)
          .run(sink, warnings);
      return new LoadResult(title, warnings);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not close the PDF", e);
    }
  }

  /** Looks for an available engine only when a scanned page needs one, then remembers it. */
  private Supplier<Optional<OcrEngine>> ocrEngine() {
    return new Supplier<>() {
      private Optional<OcrEngine> chosen;

      @Override
      public synchronized Optional<OcrEngine> get() {
        if (chosen == null) {
          chosen = OcrEngines.select(settings.ocrEngine(), engines);
        }
        return chosen;
      }
    };
  }
}

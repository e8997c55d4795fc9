package io.cogentx.plugins.loader.pdf;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.LoadResult;
import io.cogentx.spi.Progress;
import io.cogentx.spi.SegmentSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Reads PDFs: text per page with PDFBox in a reading order that keeps columns and table rows
 * together, the title from the metadata, passwords from the {@code password} option, and OCR of
 * scanned pages through an OCR engine when one is installed. The stored upload is read from disk
 * page by page, so memory does not grow with the file; long documents are read by two threads, each
 * with its own copy of the document. What PDFBox decompresses is budgeted ({@link DecodeBudget})
 * and a page's glyphs and nesting are bounded ({@link PageGlyphReader}), so a hostile file ends as
 * a refusal or an unreadable page, never as a full heap.
 */
final class PdfLoader implements DocumentLoader {

  private final PdfSettings settings;
  private final OcrEngines engines;

  PdfLoader(PdfSettings settings, OcrEngines engines) {
    this.settings = settings;
    this.engines = engines;
    BudgetedFilter.install();
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
  public String progressUnit() {
    return "page";
  }

  @Override
  public LoadResult load(LoadRequest request, SegmentSink sink, Progress progress)
      throws DocumentException {
    String password = request.option("password").orElse(null);
    List<String> warnings = new ArrayList<>();
    Path file = request.file();
    long size = size(request);
    DecodeBudget budget = DecodeBudget.forFile(size);
    DecodeBudget.Scope scope = budget.enter();
    try (PDDocument document = PdfOpener.open(file, size, password, warnings)) {
      if (budget.exhausted()) {
        throw PageExtraction.tooLarge(budget);
      }
      String title = PdfTitle.of(document);
      new PageExtraction(
              document, () -> PdfOpener.reopen(file, password), engines::chosen, settings, budget)
          .run(sink, progress, warnings);
      return new LoadResult(title, warnings);
    } catch (DocumentException e) {
      throw budget.exhausted() && e.reason() != DocumentException.Reason.TOO_LARGE
          ? PageExtraction.tooLarge(budget)
          : e;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not close the PDF", e);
    } finally {
      scope.close();
    }
  }

  private static long size(LoadRequest request) throws DocumentException {
    try {
      return request.size();
    } catch (IOException e) {
      throw new DocumentException(
          DocumentException.Reason.DAMAGED,
          "The stored upload could not be read; upload it again.",
          e);
    }
  }

  @Override
  public void close() {
    engines.close();
  }
}

package io.cogentx.plugins.loader.pdf;

import io.cogentx.plugins.loader.pdf.PageResult.Outcome;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Reads pages of one open document: the text layer in reading order, or OCR for a page that has
 * images but no text. One instance per thread and document (PDFBox documents are not thread-safe).
 */
final class PageReader {

  private static final System.Logger LOG = System.getLogger(PageReader.class.getName());

  /** A page with fewer letters or digits than this has no usable text layer. */
  static final int MIN_TEXT_CHARS = 3;

  private final PDDocument document;
  private final Supplier<Optional<NamedOcr>> engine;
  private final AtomicInteger ocrBudget;
  private final PdfSettings settings;
  private final DecodeBudget budget;
  private final PageGlyphReader glyphs = new PageGlyphReader();
  private ScanOcr ocr;

  /**
   * @param engine the OCR engine, looked up when first needed (shared, thread-safe)
   * @param ocrBudget pages the document may still OCR (shared across readers)
   */
  PageReader(
      PDDocument document,
      Supplier<Optional<NamedOcr>> engine,
      AtomicInteger ocrBudget,
      PdfSettings settings,
      DecodeBudget budget) {
    this.document = document;
    this.budget = budget;
    this.engine = engine;
    this.ocrBudget = ocrBudget;
    this.settings = settings;
  }

  /**
   * Reads one page within a fresh page allowance of the document's decode budget. A page that
   * cannot be read (damaged, over a limit, or nested so deep that reading it overflows the stack)
   * is reported as unreadable; the document goes on.
   */
  PageResult read(int page) {
    DecodeBudget.Scope scope = budget.page();
    try {
      PageResult result = readWithin(page);
      return scope.limitReached() ? new PageResult(page, "", Outcome.TOO_COMPLEX) : result;
    } finally {
      scope.close();
    }
  }

  private PageResult readWithin(int page) {
    String text;
    try {
      text = PageText.of(ReadingOrder.blocks(glyphs.read(document, page)));
    } catch (IOException | RuntimeException | StackOverflowError e) {
      LOG.log(System.Logger.Level.DEBUG, "Page " + page + " could not be read", e);
      return new PageResult(page, "", overLimit(e) ? Outcome.TOO_COMPLEX : Outcome.UNREADABLE);
    }
    if (hasText(text) || !PageImages.hasImages(document.getPage(page - 1))) {
      return new PageResult(page, text, Outcome.TEXT);
    }
    Optional<NamedOcr> available = engine.get();
    if (available.isEmpty()) {
      return new PageResult(page, text, Outcome.SCAN_WITHOUT_OCR);
    }
    if (ocrBudget.getAndDecrement() <= 0) {
      return new PageResult(page, text, Outcome.OCR_OVER_LIMIT);
    }
    if (ocr == null) {
      ocr = new ScanOcr(document, available.get().engine(), settings);
    }
    try (DecodeBudget.Scope scan = budget.scan()) {
      String recognised = ocr.recognize(page).strip();
      return scan.limitReached()
          ? new PageResult(page, "", Outcome.TOO_COMPLEX)
          : new PageResult(page, recognised, Outcome.OCR_READ);
    } catch (TimeoutException | IOException | RuntimeException e) {
      if (overLimit(e)) {
        return new PageResult(page, "", Outcome.TOO_COMPLEX);
      }
      LOG.log(System.Logger.Level.WARNING, "OCR of page " + page + " failed: " + e);
      return new PageResult(page, text, Outcome.OCR_FAILED);
    }
  }

  /** Whether reading stopped at one of the reader's limits rather than at damage. */
  private static boolean overLimit(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DecodeBudget.LimitException
          || t instanceof PageGlyphReader.TooComplexException
          || t instanceof StackOverflowError) {
        return true;
      }
    }
    return false;
  }

  static boolean hasText(String text) {
    int n = 0;
    for (int i = 0; i < text.length() && n < MIN_TEXT_CHARS; i++) {
      if (Character.isLetterOrDigit(text.charAt(i))) {
        n++;
      }
    }
    return n >= MIN_TEXT_CHARS;
  }
}

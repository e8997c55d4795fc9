package io.cogentx.plugins.loader.pdf;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many bytes PDFBox may decompress for one document: in all (a multiple of the file's size,
 * with a floor), and for any one page at a time. A decompression bomb — a few kilobytes that
 * inflate to gigabytes — is stopped when it passes either, long before it fills memory: PDFBox
 * decodes every stream whole into memory. The budget applies to the thread that entered it; {@link
 * BudgetedFilter} charges every filter's output to it.
 */
final class DecodeBudget {

  /** Most bytes decoded for one page (its content streams, forms and images). */
  static final long PAGE_BYTES = 48L << 20;

  /**
   * Most bytes decoded while rendering one scanned page for OCR: its images may legitimately be far
   * larger than any content stream (a 30-inch square page scanned at 300 dpi in colour decodes to
   * 9000 × 9000 × 3 = 243 MB). Still charged to the document's budget.
   */
  static final long SCAN_PAGE_BYTES = 256L << 20;

  /** Least a document may decode in all, whatever its size. */
  static final long MIN_DOCUMENT_BYTES = 512L << 20;

  /** A document may decode this many times its file size in all. */
  static final int DOCUMENT_RATIO = 32;

  private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

  private final long documentLimit;
  private final AtomicLong decoded = new AtomicLong();
  private volatile boolean exhausted;

  DecodeBudget(long documentLimit) {
    this.documentLimit = documentLimit;
  }

  /** The budget of a document of {@code fileSize} bytes. */
  static DecodeBudget forFile(long fileSize) {
    long ratio =
        fileSize > Long.MAX_VALUE / DOCUMENT_RATIO ? Long.MAX_VALUE : fileSize * DOCUMENT_RATIO;
    return new DecodeBudget(Math.max(MIN_DOCUMENT_BYTES, ratio));
  }

  /** Whether the document has used up its budget; nothing more of it can be read. */
  boolean exhausted() {
    return exhausted;
  }

  long documentLimit() {
    return documentLimit;
  }

  /** Applies this budget to the calling thread (e.g. while opening) until the scope is closed. */
  Scope enter() {
    return new Scope(this, Long.MAX_VALUE);
  }

  /** Applies this budget, and a fresh allowance of {@link #PAGE_BYTES}, to reading one page. */
  Scope page() {
    return new Scope(this, PAGE_BYTES);
  }

  /**
   * Applies this budget, and a fresh allowance of {@link #SCAN_PAGE_BYTES}, to rendering one page
   * for OCR (nested in the page's scope, which it does not charge).
   */
  Scope scan() {
    return new Scope(this, SCAN_PAGE_BYTES);
  }

  /** Charges decoded bytes to the calling thread's budget, if it has one. */
  static void charge(long bytes) throws IOException {
    Scope scope = CURRENT.get();
    if (scope != null) {
      scope.charge(bytes);
    }
  }

  /** A budget applied to a thread; closing it restores what applied before. */
  static final class Scope implements AutoCloseable {
    private final DecodeBudget budget;
    private final long pageLimit;
    private final Scope previous;
    private long pageDecoded;
    private boolean limitReached;

    private Scope(DecodeBudget budget, long pageLimit) {
      this.budget = budget;
      this.pageLimit = pageLimit;
      this.previous = CURRENT.get();
      CURRENT.set(this);
    }

    private void charge(long bytes) throws IOException {
      pageDecoded += bytes;
      long total = budget.decoded.addAndGet(bytes);
      if (total > budget.documentLimit) {
        budget.exhausted = true;
        limitReached = true;
        throw new LimitException(
            "the document decompresses to more than " + (budget.documentLimit >> 20) + " MB");
      }
      if (pageDecoded > pageLimit) {
        limitReached = true;
        throw new LimitException("a page decompresses to more than " + (pageLimit >> 20) + " MB");
      }
    }

    /**
     * Whether reading in this scope was stopped at a limit, even if PDFBox caught the exception and
     * went on as if the stream were empty.
     */
    boolean limitReached() {
      return limitReached;
    }

    @Override
    public void close() {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** Reading stopped at a limit of this budget. */
  static final class LimitException extends IOException {
    private static final long serialVersionUID = 1L;

    LimitException(String message) {
      super(message);
    }
  }
}

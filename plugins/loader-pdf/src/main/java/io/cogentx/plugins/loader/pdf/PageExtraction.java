package io.cogentx.plugins.loader.pdf;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentException.Reason;
import io.cogentx.spi.Progress;
import io.cogentx.spi.Segment;
import io.cogentx.spi.SegmentSink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Reads a document page by page and hands every page's text to the sink in page order, one segment
 * per page, with progress and cancellation checked between pages. Long documents are read by {@code
 * PDF_EXTRACT_THREADS} workers, each with its own copy of the document opened from the spooled file
 * (interleaved pages, at most {@value #LOOK_AHEAD} pages ahead of the sink each); the sink is only
 * ever called from the loading thread. Collects what the user should be told.
 */
final class PageExtraction {

  private static final System.Logger LOG = System.getLogger(PageExtraction.class.getName());

  /** Pages each worker may read ahead of the sink. */
  static final int LOOK_AHEAD = 8;

  /** Fewer pages per worker than this are not worth opening another copy. */
  private static final int MIN_PAGES_PER_WORKER = 8;

  /** Opens another copy of the document for a worker. */
  @FunctionalInterface
  interface DocumentCopies {
    PDDocument open() throws IOException;
  }

  private final PDDocument document;
  private final DocumentCopies copies;
  private final Supplier<Optional<NamedOcr>> engine;
  private final PdfSettings settings;
  private final DecodeBudget budget;
  private final List<List<Integer>> pagesByOutcome = new ArrayList<>();
  private String engineName = "";

  PageExtraction(
      PDDocument document,
      DocumentCopies copies,
      Supplier<Optional<NamedOcr>> engine,
      PdfSettings settings,
      DecodeBudget budget) {
    this.document = document;
    this.budget = budget;
    this.copies = copies;
    this.engine = engine;
    this.settings = settings;
    for (int i = 0; i < PageResult.Outcome.values().length; i++) {
      pagesByOutcome.add(new ArrayList<>());
    }
  }

  /**
   * Reads every page into {@code sink}; adds warnings to {@code warnings}.
   *
   * @throws DocumentException also when the document passes its decode budget (a decompression
   *     bomb): nothing more of it can be read
   */
  void run(SegmentSink sink, Progress progress, List<String> warnings) throws DocumentException {
    int pages = document.getNumberOfPages();
    if (pages == 0) {
      throw new DocumentException(
          Reason.EMPTY, "The PDF has no pages, so there is no text to index.");
    }
    int workers = Math.max(1, Math.min(settings.extractThreads(), pages / MIN_PAGES_PER_WORKER));
    AtomicInteger ocrBudget = new AtomicInteger(settings.ocrMaxPages());
    int withText =
        workers == 1
            ? readInline(pages, sink, progress, warnings, ocrBudget)
            : readInParallel(pages, workers, sink, progress, warnings, ocrBudget);
    if (withText < 0) {
      return; // cancelled
    }
    if (withText == 0) {
      throw ExtractionMessages.nothingToIndex(pages, pagesByOutcome);
    }
    warnings.addAll(ExtractionMessages.warnings(pagesByOutcome, engineName, settings));
  }

  /** Returns the number of pages with text, or -1 when cancelled. */
  private int readInline(
      int pages,
      SegmentSink sink,
      Progress progress,
      List<String> warnings,
      AtomicInteger ocrBudget)
      throws DocumentException {
    PageReader reader = new PageReader(document, engine, ocrBudget, settings, budget);
    int withText = 0;
    for (int page = 1; page <= pages; page++) {
      if (progress.cancelled()) {
        warnings.add(cancelled(page, pages));
        return -1;
      }
      withText += accept(reader.read(page), pages, sink, progress);
    }
    return withText;
  }

  private int readInParallel(
      int pages,
      int workers,
      SegmentSink sink,
      Progress progress,
      List<String> warnings,
      AtomicInteger ocrBudget)
      throws DocumentException {
    List<PDDocument> opened = new ArrayList<>();
    List<CompletableFuture<PageResult>> results = new ArrayList<>(pages + 1);
    for (int i = 0; i <= pages; i++) {
      results.add(new CompletableFuture<>());
    }
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            r ->
                Thread.ofPlatform()
                    .name("cogentx-pdf-" + threadNumber.incrementAndGet())
                    .daemon()
                    .unstarted(r));
    List<Semaphore> windows = new ArrayList<>();
    try {
      for (int w = 0; w < workers; w++) {
        PDDocument copy = w == 0 ? document : openCopy();
        if (copy == null) {
          break; // fewer workers: the pages of missing ones are taken over below
        }
        if (copy != document) {
          opened.add(copy);
        }
        windows.add(new Semaphore(LOOK_AHEAD));
      }
      int started = windows.size();
      for (int w = 0; w < started; w++) {
        PDDocument copy = w == 0 ? document : opened.get(w - 1);
        PageReader reader = new PageReader(copy, engine, ocrBudget, settings, budget);
        int first = w + 1;
        Semaphore window = windows.get(w);
        pool.execute(() -> work(reader, first, started, pages, window, stop, results));
      }
      int withText = 0;
      for (int page = 1; page <= pages; page++) {
        if (progress.cancelled()) {
          warnings.add(cancelled(page, pages));
          return -1;
        }
        PageResult result = results.get(page).get();
        windows.get((page - 1) % started).release();
        withText += accept(result, pages, sink, progress);
      }
      return withText;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("A PDF reader thread failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      warnings.add("Loading was interrupted.");
      return -1;
    } finally {
      stop.set(true);
      pool.shutdownNow();
      awaitQuietly(pool);
      for (PDDocument copy : opened) {
        closeQuietly(copy);
      }
    }
  }

  private static void work(
      PageReader reader,
      int first,
      int step,
      int pages,
      Semaphore window,
      AtomicBoolean stop,
      List<CompletableFuture<PageResult>> results) {
    int page = first;
    try {
      for (; page <= pages && !stop.get(); page += step) {
        window.acquire();
        results.get(page).complete(reader.read(page));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) { // any failure must reach the waiting loader thread
      for (; page <= pages; page += step) {
        results.get(page).completeExceptionally(t);
      }
    }
  }

  private PDDocument openCopy() {
    try {
      return copies.open();
    } catch (IOException | RuntimeException e) {
      LOG.log(
          System.Logger.Level.DEBUG, "Could not open a second copy; reading with fewer threads", e);
      return null;
    }
  }

  /** Passes a page's text to the sink; returns 1 when it had text. */
  private int accept(PageResult result, int pages, SegmentSink sink, Progress progress)
      throws DocumentException {
    if (budget.exhausted()) {
      throw tooLarge(budget);
    }
    pagesByOutcome.get(result.outcome().ordinal()).add(result.page());
    if (result.outcome() == PageResult.Outcome.OCR_READ) {
      engineName = engine.get().map(NamedOcr::name).orElse("OCR");
      progress.report("ocr", result.page(), pages);
    }
    int hasText = 0;
    if (!result.text().isBlank()) {
      sink.accept(Segment.onPage(result.page(), result.text()));
      hasText = 1;
    }
    progress.report("extracting", result.page(), pages);
    return hasText;
  }

  /** The refusal of a document that decompresses to more than its budget. */
  static DocumentException tooLarge(DecodeBudget budget) {
    return new DocumentException(
        Reason.TOO_LARGE,
        "This PDF decompresses to more than "
            + (budget.documentLimit() >> 20)
            + " MB of content, far more than a document of its size holds (a decompression bomb?),"
            + " so it is not read. If it is a genuine document, export it again or split it.");
  }

  private static String cancelled(int page, int pages) {
    return "Loading was cancelled after page " + (page - 1) + " of " + pages + ".";
  }

  private static void awaitQuietly(ExecutorService pool) {
    try {
      if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.log(System.Logger.Level.WARNING, "PDF reader threads did not stop within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(PDDocument copy) {
    try {
      copy.close();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "Could not close a document copy", e);
    }
  }
}

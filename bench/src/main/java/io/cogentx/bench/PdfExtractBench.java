package io.cogentx.bench;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.Progress;
import io.cogentx.spi.Segment;
import io.cogentx.spi.SegmentSink;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PDF loader: extraction speed of the {@code pdf} loader against poppler's {@code pdftotext} on the
 * same file (irs-i1040gi-2018.pdf, 117 pages; both timed in this run, interleaved, 7 runs each
 * after 10 warm-up loads; median and best-of ratios, as the machine is shared), heap growth while
 * ingesting it (peak used heap sampled every millisecond, and peak live heap after any GC, both
 * over the idle heap), and OCR with tesseract: character error rate on linn.pdf against
 * reference-text/linn.txt and seconds per scanned page. Run with {@code bench/run.sh
 * PdfExtractBench [pdf-folder]}; the folder defaults to ../shared/data/pdf.
 */
public final class PdfExtractBench {

  /**
   * Loads before timing: PDFBox's parsing and text code needs about ten passes over this file to be
   * fully JIT-compiled, which is the state of a server that has been running for a while (the
   * first, cold load is recorded separately).
   */
  private static final int WARM_UP = 10;

  private static final int RUNS = 7;

  private PdfExtractBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/pdf");
    Path irs = dir.resolve("irs-i1040gi-2018.pdf");
    if (!Files.isRegularFile(irs)) {
      throw new IllegalArgumentException(
          "Not found: " + irs + " (pass the shared/data/pdf folder)");
    }
    DocumentLoader loader = Plugins.pdfLoader(false);
    long coldStart = System.nanoTime();
    int pages = load(loader, irs).pages();
    double coldSeconds = (System.nanoTime() - coldStart) / 1e9;

    for (int i = 0; i < WARM_UP; i++) {
      load(loader, irs);
      pdftotext(irs);
    }
    double[] pdfbox = new double[RUNS];
    double[] poppler = new double[RUNS];
    long chars = 0;
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      chars = load(loader, irs).chars();
      pdfbox[i] = (System.nanoTime() - start) / 1e9;
      poppler[i] = pdftotext(irs);
    }
    double pdfboxSeconds = median(pdfbox);
    double popplerSeconds = median(poppler);
    double ratio = popplerSeconds / pdfboxSeconds;
    double bestRatio =
        Arrays.stream(poppler).min().orElseThrow() / Arrays.stream(pdfbox).min().orElseThrow();

    Heap heap = heapWhileLoading(loader, irs);

    BenchResult result = new BenchResult("pdf-extract");
    result
        .put("file", irs.getFileName().toString())
        .put("pages", pages)
        .put("chars_extracted", chars)
        .put("pdfbox_loader_seconds_median", round(pdfboxSeconds))
        .put("pdftotext_seconds_median", round(popplerSeconds))
        .put("pdfbox_loader_pages_per_s", round(pages / pdfboxSeconds))
        .put("pdftotext_pages_per_s", round(pages / popplerSeconds))
        .put("speed_ratio_vs_pdftotext", round(ratio))
        .put("speed_ratio_best_of_runs", round(bestRatio))
        .put("pdfbox_cold_first_load_s", round(coldSeconds))
        .put("warm_up_loads", WARM_UP)
        .put("extract_threads", System.getenv().getOrDefault("PDF_EXTRACT_THREADS", "default"))
        .put(
            "load_average_at_end",
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
        .put("speed_goal_ratio", 0.8)
        .put("pdfbox_runs_s", Arrays.toString(rounded(pdfbox)))
        .put("pdftotext_runs_s", Arrays.toString(rounded(poppler)))
        .put("heap_idle_mb", heap.idleMb())
        .put("heap_peak_used_delta_mb", heap.peakUsedDeltaMb())
        .put("heap_peak_live_delta_mb", heap.peakLiveDeltaMb())
        .put("heap_goal_delta_mb", 200);

    String ocrSummary = "OCR skipped (tesseract not on PATH)";
    if (tesseractOnPath()) {
      DocumentLoader ocrLoader = Plugins.pdfLoader(true);
      Path linn = dir.resolve("linn.pdf");
      long start = System.nanoTime();
      String linnText = text(ocrLoader, linn);
      double linnSeconds = (System.nanoTime() - start) / 1e9;
      double cer = cer(linnText, Files.readString(dir.resolve("reference-text/linn.txt")));
      List<Double> perPage = new ArrayList<>(List.of(linnSeconds));
      for (String scan : List.of("c02-22.pdf", "epson.pdf")) {
        long t = System.nanoTime();
        text(ocrLoader, dir.resolve(scan));
        perPage.add((System.nanoTime() - t) / 1e9);
      }
      double meanSeconds = perPage.stream().mapToDouble(Double::doubleValue).average().orElse(0);
      result
          .put("ocr_linn_cer_percent", round(100 * cer))
          .put("ocr_linn_cer_goal_percent", 10)
          .put("ocr_seconds_per_page_mean", round(meanSeconds))
          .put(
              "ocr_seconds_per_page",
              perPage.stream().map(PdfExtractBench::round).toList().toString())
          .put("ocr_pages", "linn.pdf, c02-22.pdf, epson.pdf (300 dpi, 1 thread)");
      ocrSummary =
          String.format("OCR linn CER %.2f %% (goal <= 10), %.1f s/page", 100 * cer, meanSeconds);
    }

    result.write(
        String.format(
            "PDFBox loader %.0f pages/s vs pdftotext %.0f pages/s (median ratio %.2f, best-of-%d"
                + " ratio %.2f, goal >= 0.8), heap +%d MB peak used / +%d MB live (goal <= +200),"
                + " %s",
            pages / pdfboxSeconds,
            pages / popplerSeconds,
            ratio,
            RUNS,
            bestRatio,
            heap.peakUsedDeltaMb(),
            heap.peakLiveDeltaMb(),
            ocrSummary));
  }

  record Extracted(long chars, int pages) {}

  /** Loads the file, keeping only the number of characters and the last page seen. */
  private static Extracted load(DocumentLoader loader, Path file)
      throws IOException, DocumentException {
    AtomicLong chars = new AtomicLong();
    AtomicLong lastPage = new AtomicLong();
    loader.load(
        request(file),
        segment -> {
          chars.addAndGet(segment.text().length());
          lastPage.set(segment.page());
        },
        Progress.NONE);
    return new Extracted(chars.get(), (int) lastPage.get());
  }

  private static String text(DocumentLoader loader, Path file)
      throws IOException, DocumentException {
    StringBuilder text = new StringBuilder();
    SegmentSink sink = (Segment segment) -> text.append(segment.text()).append('\n');
    loader.load(request(file), sink, Progress.NONE);
    return text.toString();
  }

  private static LoadRequest request(Path file) {
    return new LoadRequest(file, file.getFileName().toString(), "application/pdf", Map.of());
  }

  /** Whether {@code tesseract --version} runs. */
  private static boolean tesseractOnPath() {
    try {
      Process p =
          new ProcessBuilder("tesseract", "--version")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Wall-clock seconds of {@code pdftotext FILE -} with its output discarded. */
  private static double pdftotext(Path file) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder("pdftotext", "-q", file.toString(), "-")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException("pdftotext failed on " + file);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  record Heap(long idleMb, long peakUsedDeltaMb, long peakLiveDeltaMb) {}

  /**
   * Heap over the idle level while loading once: the peak of used heap sampled every millisecond
   * (garbage included, so it depends on how lazily the collector runs), and the peak of live heap,
   * measured by a full collection after every tenth page while the document is open.
   */
  private static Heap heapWhileLoading(DocumentLoader loader, Path file) throws Exception {
    long idle = usedAfterGc();
    AtomicLong peakUsed = new AtomicLong(idle);
    AtomicLong peakLive = new AtomicLong(idle);
    Thread sampler =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    peakUsed.accumulateAndGet(used, Math::max);
                    try {
                      Thread.sleep(1);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
    SegmentSink sink =
        segment -> {
          if (segment.page() % 10 == 0) {
            peakLive.accumulateAndGet(usedAfterGc(), Math::max);
          }
        };
    loader.load(request(file), sink, Progress.NONE);
    sampler.interrupt();
    sampler.join();
    long mb = 1 << 20;
    return new Heap(idle / mb, (peakUsed.get() - idle) / mb, (peakLive.get() - idle) / mb);
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 2; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  static double cer(String hypothesis, String reference) {
    String h = hypothesis.replaceAll("\\s+", " ").strip();
    String r = reference.replaceAll("\\s+", " ").strip();
    int[] previous = new int[r.length() + 1];
    int[] current = new int[r.length() + 1];
    for (int j = 0; j <= r.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= h.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= r.length(); j++) {
        int substitution = previous[j - 1] + (h.charAt(i - 1) == r.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return (double) previous[r.length()] / r.length();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double[] rounded(double[] values) {
    return Arrays.stream(values).map(PdfExtractBench::round).toArray();
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}

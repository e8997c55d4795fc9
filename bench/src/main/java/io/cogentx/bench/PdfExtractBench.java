package io.cogentx.bench;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.Progress;
import io.cogentx.spi.Segment;
import io.cogentx.spi.SegmentSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * PDF loader: extraction speed of the {@code pdf} loader against poppler's {@code pdftotext} on
 * every PDF of the shared data (the 22 files of {@code ../shared/data/pdf}: long and short, tables,
 * scans, encrypted, damaged), heap growth while ingesting the largest one, and OCR with tesseract.
 *
 * <p><b>Speed.</b> The loader runs with one extraction thread ({@code PDF_EXTRACT_THREADS=1}, like
 * {@code pdftotext}: the headline) and with two (the server's default on two cores, beside it).
 * Each of {@value #RUNS} passes goes over all files, each file taken by the three in rotating
 * order, so the three share the machine's moments; before them, {@value #WARM_UP_PASSES} untimed
 * passes let the JIT compile PDFBox (a server that has run a while). A file's pages are the pages
 * {@code pdftotext} reports (form feeds in its output, as {@code SOURCES.md} counts them; 0 for a
 * file it cannot open); every second spent counts, refusals included, and pages per second is the
 * pages of all files over the median of the passes' total times. Passwords of the two
 * password-protected files (from {@code SOURCES.md}) are given to both. The loader has no OCR
 * engine here, so it refuses a fully scanned file (the server would OCR it).
 *
 * <p><b>Heap</b> on irs-i1040gi-2018.pdf (117 pages): peak used heap sampled every millisecond and
 * peak live heap after a full GC every tenth page, over the idle heap, with one and two threads.
 * <b>OCR</b>: character error rate on linn.pdf against reference-text/linn.txt and seconds per
 * scanned page.
 *
 * <p>Run with {@code bench/run.sh PdfExtractBench [PDF_DIR] [--runs=7] [--name=pdf-extract]}; the
 * folder defaults to {@code ../shared/data/pdf}.
 */
public final class PdfExtractBench {

  /** Untimed passes over all files before timing (JIT compilation of PDFBox). */
  private static final int WARM_UP_PASSES = 3;

  private static final int RUNS = 7;

  private static final String HEAP_FILE = "irs-i1040gi-2018.pdf";

  /** User passwords of the encrypted samples, as SOURCES.md gives them. */
  private static final Map<String, String> PASSWORDS =
      Map.of(
          "libreoffice-writer-password.pdf", "openpassword",
          "crazyones-encrypted-256.pdf", "password");

  private PdfExtractBench() {}

  public static void main(String[] args) throws Exception {
    BenchArgs a = BenchArgs.parse(args);
    Path dir = Path.of(a.positional(0, BenchArgs.dataDir(null).resolve("pdf").toString()));
    int runs = a.intOption("runs", RUNS);
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(f -> f.toString().endsWith(".pdf")).sorted().toList();
    } catch (IOException e) {
      files = List.of();
    }
    if (files.isEmpty()) {
      BenchArgs.skipped("PdfExtractBench", "no PDFs in " + dir.toAbsolutePath());
      return;
    }
    DocumentLoader oneThread = Plugins.pdfLoader(false, Map.of("PDF_EXTRACT_THREADS", "1"));
    DocumentLoader twoThreads = Plugins.pdfLoader(false, Map.of("PDF_EXTRACT_THREADS", "2"));

    Path heapFile = dir.resolve(HEAP_FILE);
    long coldStart = System.nanoTime();
    attempt(oneThread, heapFile);
    double coldSeconds = (System.nanoTime() - coldStart) / 1e9;

    List<Extractor> extractors =
        List.of(
            new Extractor("loader_1_thread", f -> attempt(oneThread, f)),
            new Extractor("loader_2_threads", f -> attempt(twoThreads, f)),
            new Extractor("pdftotext", PdfExtractBench::pdftotext));
    int[] pages = new int[files.size()];
    for (int i = 0; i < files.size(); i++) {
      pages[i] = pdftotextPages(files.get(i));
    }
    for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
      for (Path f : files) {
        for (Extractor e : extractors) {
          e.run().attempt(f);
        }
      }
    }
    // seconds[extractor][file][run]
    double[][][] seconds = new double[extractors.size()][files.size()][runs];
    String[][] outcomes = new String[extractors.size()][files.size()];
    for (int run = 0; run < runs; run++) {
      for (int i = 0; i < files.size(); i++) {
        for (int j = 0; j < extractors.size(); j++) {
          int which = (run + i + j) % extractors.size();
          long start = System.nanoTime();
          String outcome = extractors.get(which).run().attempt(files.get(i));
          seconds[which][i][run] = (System.nanoTime() - start) / 1e9;
          outcomes[which][i] = outcome;
        }
      }
    }
    int totalPages = Arrays.stream(pages).sum();
    double[][] totals = new double[extractors.size()][runs];
    for (int j = 0; j < extractors.size(); j++) {
      for (int run = 0; run < runs; run++) {
        for (int i = 0; i < files.size(); i++) {
          totals[j][run] += seconds[j][i][run];
        }
      }
    }
    double loader1 = Stats.median(totals[0]);
    double loader2 = Stats.median(totals[1]);
    double poppler = Stats.median(totals[2]);
    double ratio1 = poppler / loader1;
    double ratio2 = poppler / loader2;

    Heap heap1 = heapWhileLoading(oneThread, heapFile);
    Heap heap2 = heapWhileLoading(twoThreads, heapFile);

    BenchResult result = new BenchResult(a.option("name", "pdf-extract"));
    result
        .put("files", files.size())
        .put("pages", totalPages)
        .put(
            "pages_counted_as",
            "pages pdftotext reports for each file (0 for a file it cannot open); every second"
                + " counts, refusals included")
        .put("runs", runs)
        .put("warm_up_passes", WARM_UP_PASSES)
        .put("loader_1_thread_pages_per_s", round(totalPages / loader1))
        .put("loader_2_threads_pages_per_s", round(totalPages / loader2))
        .put("pdftotext_pages_per_s", round(totalPages / poppler))
        .put("speed_ratio_1_thread_vs_pdftotext", round(ratio1))
        .put("speed_ratio_2_threads_vs_pdftotext", round(ratio2))
        .put(
            "speed_ratio_1_thread_best_of_runs", round(Stats.min(totals[2]) / Stats.min(totals[0])))
        .put(
            "speed_ratio_2_threads_best_of_runs",
            round(Stats.min(totals[2]) / Stats.min(totals[1])))
        .put("speed_goal_ratio", 0.8)
        .put("total_seconds_per_pass", totalsJson(extractors, totals))
        .put("per_file", perFile(files, pages, extractors, seconds, outcomes))
        .put("pdfbox_cold_first_load_s", round(coldSeconds))
        .put("heap_file", HEAP_FILE)
        .put("heap_idle_mb", heap1.idleMb())
        .put("heap_1_thread_peak_used_delta_mb", heap1.peakUsedDeltaMb())
        .put("heap_1_thread_peak_live_delta_mb", heap1.peakLiveDeltaMb())
        .put("heap_2_threads_peak_used_delta_mb", heap2.peakUsedDeltaMb())
        .put("heap_2_threads_peak_live_delta_mb", heap2.peakLiveDeltaMb())
        .put("heap_goal_delta_mb", 200);

    String ocrSummary = "OCR skipped (tesseract not on PATH)";
    if (tesseractOnPath()) {
      DocumentLoader ocrLoader = Plugins.pdfLoader(true, Map.of());
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
          String.format(
              Locale.ROOT,
              "OCR linn CER %.2f %% (goal <= 10), %.1f s/page",
              100 * cer,
              meanSeconds);
    }

    result.write(
        String.format(
            Locale.ROOT,
            "%d PDFs, %d pages: loader with 1 thread %.0f pages/s vs pdftotext %.0f pages/s (ratio"
                + " %.2f, goal >= 0.8); with 2 threads %.0f pages/s (ratio %.2f); heap on %s +%d"
                + " MB peak used / +%d MB live with 1 thread, +%d / +%d MB with 2 (goal <= +200);"
                + " %s",
            files.size(),
            totalPages,
            totalPages / loader1,
            totalPages / poppler,
            ratio1,
            totalPages / loader2,
            ratio2,
            HEAP_FILE,
            heap1.peakUsedDeltaMb(),
            heap1.peakLiveDeltaMb(),
            heap2.peakUsedDeltaMb(),
            heap2.peakLiveDeltaMb(),
            ocrSummary));
  }

  /** One way of extracting a file's text; returns what happened ("ok" or why not). */
  @FunctionalInterface
  private interface Attempt {
    String attempt(Path file) throws Exception;
  }

  private record Extractor(String name, Attempt run) {}

  private static Map<String, Object> totalsJson(List<Extractor> extractors, double[][] totals) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int j = 0; j < extractors.size(); j++) {
      out.put(extractors.get(j).name(), Arrays.toString(rounded(totals[j])));
    }
    return out;
  }

  private static Map<String, Object> perFile(
      List<Path> files,
      int[] pages,
      List<Extractor> extractors,
      double[][][] seconds,
      String[][] outcomes) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("pages", pages[i]);
      for (int j = 0; j < extractors.size(); j++) {
        String name = extractors.get(j).name();
        file.put(name + "_seconds_median", round(Stats.median(seconds[j][i])));
        file.put(name, outcomes[j][i]);
      }
      out.put(files.get(i).getFileName().toString(), file);
    }
    return out;
  }

  /** Loads the file; "ok" or the loader's refusal. */
  private static String attempt(DocumentLoader loader, Path file) throws IOException {
    try {
      load(loader, file);
      return "ok";
    } catch (DocumentException e) {
      return "refused (" + e.reason() + ")";
    } catch (RuntimeException e) {
      return "failed (" + e.getClass().getSimpleName() + ")";
    }
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

  /** The stored file as the server hands it to the loader, with its password if it has one. */
  private static LoadRequest request(Path file) {
    String password = PASSWORDS.get(file.getFileName().toString());
    return new LoadRequest(
        file,
        file.getFileName().toString(),
        "application/pdf",
        password == null ? Map.of() : Map.of("password", password));
  }

  private static String text(DocumentLoader loader, Path file)
      throws IOException, DocumentException {
    StringBuilder text = new StringBuilder();
    SegmentSink sink = (Segment segment) -> text.append(segment.text()).append('\n');
    loader.load(request(file), sink, Progress.NONE);
    return text.toString();
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

  /** {@code pdftotext FILE -} with its output discarded: "ok" or its exit status. */
  private static String pdftotext(Path file) throws IOException, InterruptedException {
    Process p = pdftotextProcess(file, ProcessBuilder.Redirect.DISCARD);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("pdftotext hangs on " + file);
    }
    return p.exitValue() == 0 ? "ok" : "failed (exit " + p.exitValue() + ")";
  }

  /** Pages pdftotext reads from the file (form feeds in its output), 0 if it cannot. */
  private static int pdftotextPages(Path file) throws IOException, InterruptedException {
    Process p = pdftotextProcess(file, ProcessBuilder.Redirect.PIPE);
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      return 0;
    }
    return (int) text.chars().filter(c -> c == '\f').count();
  }

  private static Process pdftotextProcess(Path file, ProcessBuilder.Redirect output)
      throws IOException {
    List<String> command = new ArrayList<>(List.of("pdftotext", "-q"));
    String password = PASSWORDS.get(file.getFileName().toString());
    if (password != null) {
      command.addAll(List.of("-upw", password));
    }
    command.addAll(List.of(file.toString(), "-"));
    return new ProcessBuilder(command)
        .redirectOutput(output)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  record Heap(long idleMb, long peakUsedDeltaMb, long peakLiveDeltaMb) {}

  /**
   * Heap over the idle level while loading once: the peak of used heap sampled every millisecond
   * (garbage included, so it depends on how lazily the collector runs), and the peak of live heap,
   * measured by a full collection after every tenth page while the document is open.
   */
  private static Heap heapWhileLoading(DocumentLoader loader, Path file) throws Exception {
    HeapProbe heap = new HeapProbe();
    try (heap) {
      SegmentSink sink =
          segment -> {
            if (segment.page() % 10 == 0) {
              heap.sampleLive();
            }
          };
      loader.load(request(file), sink, Progress.NONE);
    }
    return new Heap(heap.idleMb(), heap.peakUsedDeltaMb(), heap.peakLiveDeltaMb());
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

  private static double[] rounded(double[] values) {
    return Arrays.stream(values).map(PdfExtractBench::round).toArray();
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}

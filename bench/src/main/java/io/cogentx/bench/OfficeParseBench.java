package io.cogentx.bench;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.DocumentLoaderProvider;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

/**
 * Office loader: how fast the {@code office} loader reads the files of shared/data/office (the
 * twelve it indexes; the protected and damaged ones are refused in milliseconds and left out), in
 * MB/s of file and pages/slides/sheets per second (the count each file's own metadata gives), after
 * warm-up passes, median of several timed passes over the whole folder; the heap while reading the
 * folder once (peak of used heap sampled every millisecond, and peak of live heap after a full
 * collection at every 100th segment); and the sizes of the drop-in jar and of the WAR with and
 * without the loader (when they have been built). Run with {@code bench/run.sh OfficeParseBench
 * [office-folder]}; the folder defaults to ../shared/data/office.
 */
public final class OfficeParseBench {

  private static final int WARM_UP = 3;
  private static final int RUNS = 5;

  private OfficeParseBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/office");
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files =
          list.filter(p -> !p.getFileName().toString().endsWith(".jsonl"))
              .filter(p -> !p.getFileName().toString().matches("(ENCRYPTED|CORRUPT)-.*"))
              .sorted()
              .toList();
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("No office files in " + dir);
    }
    DocumentLoader loader = office();
    long cold = System.nanoTime();
    for (Path f : files) {
      load(loader, f);
    }
    double coldSeconds = (System.nanoTime() - cold) / 1e9;
    for (int i = 0; i < WARM_UP; i++) {
      for (Path f : files) {
        load(loader, f);
      }
    }
    Map<Path, double[]> seconds = new LinkedHashMap<>();
    files.forEach(f -> seconds.put(f, new double[RUNS]));
    double[] passes = new double[RUNS];
    for (int r = 0; r < RUNS; r++) {
      long pass = System.nanoTime();
      for (Path f : files) {
        long start = System.nanoTime();
        load(loader, f);
        seconds.get(f)[r] = (System.nanoTime() - start) / 1e9;
      }
      passes[r] = (System.nanoTime() - pass) / 1e9;
    }
    long bytes = 0;
    long pages = 0;
    long chars = 0;
    StringBuilder perFile = new StringBuilder();
    for (Path f : files) {
      long size = Files.size(f);
      long filePages = pages(f);
      long fileChars = load(loader, f);
      bytes += size;
      pages += filePages;
      chars += fileChars;
      double median = median(seconds.get(f));
      perFile.append(
          String.format(
              "%s: %d KB, %d pages/slides/sheets, %d chars, %.3f s; ",
              f.getFileName(), size / 1024, filePages, fileChars, median));
    }
    double pass = median(passes);
    Heap heap = heapWhileLoading(loader, files);

    BenchResult result = new BenchResult("office-parse");
    result
        .put("folder", dir.toString())
        .put("files", files.size())
        .put("megabytes", round(bytes / 1e6))
        .put("pages_slides_sheets", pages)
        .put("chars_extracted", chars)
        .put("seconds_per_pass_median", round(pass))
        .put("megabytes_per_s", round(bytes / 1e6 / pass))
        .put("pages_slides_sheets_per_s", round(pages / pass))
        .put("passes_s", Arrays.toString(rounded(passes)))
        .put("cold_first_pass_s", round(coldSeconds))
        .put("warm_up_passes", WARM_UP)
        .put("per_file", perFile.toString())
        .put("heap_idle_mb", heap.idleMb())
        .put("heap_peak_used_delta_mb", heap.peakUsedDeltaMb())
        .put("heap_peak_live_delta_mb", heap.peakLiveDeltaMb())
        .put("drop_in_jar_mb", sizeMb("plugins/loader-office/target", "-plugin.jar"))
        .put("war_mb", sizeMb("target", "cogentx.war"))
        .put("war_without_office_mb", sizeMb("target/without-office", "cogentx.war"))
        .put(
            "load_average_at_end",
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    result.write(
        String.format(
            "office loader: %.2f MB/s, %.0f pages/slides/sheets per s over %d files (%.2f MB, median"
                + " pass %.2f s), heap +%d MB peak used / +%d MB live; drop-in jar %.1f MB, WAR"
                + " %.1f MB with / %.1f MB without",
            bytes / 1e6 / pass,
            pages / pass,
            files.size(),
            bytes / 1e6,
            pass,
            heap.peakUsedDeltaMb(),
            heap.peakLiveDeltaMb(),
            sizeMb("plugins/loader-office/target", "-plugin.jar"),
            sizeMb("target", "cogentx.war"),
            sizeMb("target/without-office", "cogentx.war")));
    loader.close();
  }

  private static DocumentLoader office() throws Exception {
    for (DocumentLoaderProvider p : ServiceLoader.load(DocumentLoaderProvider.class)) {
      if (p.name().equals("office")) {
        return p.create(PluginContext.of(Map.of()));
      }
    }
    throw new IllegalStateException("the office loader is not on the class path");
  }

  /** Loads a file; returns the characters read. */
  private static long load(DocumentLoader loader, Path file) throws DocumentException {
    AtomicLong chars = new AtomicLong();
    loader.load(request(file), s -> chars.addAndGet(s.text().length()), Progress.NONE);
    return chars.get();
  }

  private static LoadRequest request(Path file) {
    return new LoadRequest(file, file.getFileName().toString(), null, Map.of());
  }

  /**
   * Pages, slides or sheets by the file's own metadata (Word's and OpenDocument's page count,
   * PowerPoint's slide count); for spreadsheets, CSV, HTML, EPUB and e-mail: 1 per sheet/file.
   */
  private static long pages(Path file) throws Exception {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
    try (InputStream in = Files.newInputStream(file)) {
      new AutoDetectParser().parse(in, new BodyContentHandler(-1), metadata, new ParseContext());
    }
    for (String key : List.of("meta:slide-count", "xmpTPg:NPages", "meta:page-count")) {
      String value = metadata.get(key);
      if (value != null && value.matches("\\d+") && Long.parseLong(value) > 0) {
        return Long.parseLong(value);
      }
    }
    return 1;
  }

  record Heap(long idleMb, long peakUsedDeltaMb, long peakLiveDeltaMb) {}

  private static Heap heapWhileLoading(DocumentLoader loader, List<Path> files) throws Exception {
    HeapProbe heap = new HeapProbe();
    try (heap) {
      AtomicLong segments = new AtomicLong();
      for (Path f : files) {
        loader.load(
            request(f),
            s -> {
              if (segments.incrementAndGet() % 100 == 0) {
                heap.sampleLive();
              }
            },
            Progress.NONE);
      }
    }
    return new Heap(heap.idleMb(), heap.peakUsedDeltaMb(), heap.peakLiveDeltaMb());
  }

  /** The size in MB of the file in {@code dir} whose name ends with {@code suffix}, or -1. */
  private static double sizeMb(String dir, String suffix) {
    Path folder = Path.of(dir);
    if (!Files.isDirectory(folder)) {
      return -1;
    }
    try (Stream<Path> list = Files.list(folder)) {
      Set<Path> found = new HashSet<>();
      list.filter(p -> p.getFileName().toString().endsWith(suffix)).forEach(found::add);
      if (found.size() != 1) {
        return -1;
      }
      return round(Files.size(found.iterator().next()) / 1e6);
    } catch (IOException e) {
      return -1;
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double[] rounded(double[] values) {
    return Arrays.stream(values).map(OfficeParseBench::round).toArray();
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}

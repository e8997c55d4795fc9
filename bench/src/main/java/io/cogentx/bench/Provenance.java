package io.cogentx.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where a results file came from: the git commit and whether the work tree differed from it, the
 * command that ran the benchmark, the machine and the time. {@code bench/run.sh} passes the command
 * as it was typed (with the environment variables that change what a benchmark measures) in the
 * system property {@code bench.command}; without it the JVM's own command line is recorded.
 */
final class Provenance {

  /** Environment variables that change what a benchmark measures, recorded when set. */
  static final List<String> SETTINGS =
      List.of(
          "BENCH_JAVA_OPTS",
          "PDF_EXTRACT_THREADS",
          "VECTOR_BACKEND",
          "EMBEDDING_MODEL_NAME",
          "EMBEDDING_THREADS",
          "EMBEDDING_WORKERS",
          "EMBEDDING_BATCH_SIZE");

  private static final int MAX_DIRTY_PATHS = 20;

  private Provenance() {}

  /** Everything known about this run, as the results file records it. */
  static Map<String, Object> collect() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("git", git(BenchArgs.repositoryRoot()));
    out.put("command", command());
    out.put("machine", machine());
    Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    out.put("started", started.toString());
    out.put("finished", Instant.now().toString());
    return out;
  }

  static String command() {
    String given = System.getProperty("bench.command");
    if (given != null && !given.isBlank()) {
      return given;
    }
    List<String> parts = new ArrayList<>();
    ProcessHandle.current().info().command().ifPresent(parts::add);
    ProcessHandle.current().info().arguments().ifPresent(a -> parts.addAll(List.of(a)));
    return String.join(" ", parts);
  }

  static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("cpu", cpuModel());
    if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
      m.put("ram_mb", os.getTotalMemorySize() >> 20);
    }
    m.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
    m.put(
        "jdk",
        System.getProperty("java.vendor")
            + " "
            + System.getProperty("java.runtime.version")
            + " ("
            + System.getProperty("java.vm.name")
            + ")");
    m.put(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    m.put(
        "jvm_options", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    m.put(
        "load_average_at_end",
        Stats.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 2));
    return m;
  }

  /** The model name of the first processor in /proc/cpuinfo, or the architecture. */
  static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through
    }
    return System.getProperty("os.arch");
  }

  /**
   * The commit checked out in {@code root}, and whether tracked or new files differ from it
   * (results files and build output aside: a run writes those).
   */
  static Map<String, Object> git(Path root) {
    Map<String, Object> out = new LinkedHashMap<>();
    String commit = run(root, "git", "rev-parse", "HEAD");
    if (commit == null) {
      out.put("commit", "unknown (not a git work tree, or git missing)");
      return out;
    }
    out.put("commit", commit.strip());
    String status = run(root, "git", "status", "--porcelain", "--", ".", ":(exclude)bench/results");
    List<String> dirty =
        status == null ? List.of() : status.lines().filter(l -> !l.isBlank()).toList();
    out.put("dirty", status == null ? "unknown" : !dirty.isEmpty());
    if (!dirty.isEmpty()) {
      out.put(
          "dirty_paths",
          dirty.stream().limit(MAX_DIRTY_PATHS).map(l -> l.substring(3)).toList().toString()
              + (dirty.size() > MAX_DIRTY_PATHS ? " and " + (dirty.size() - MAX_DIRTY_PATHS) : ""));
    }
    return out;
  }

  private static String run(Path dir, String... command) {
    try {
      Process p =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return null;
      }
      return out;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}

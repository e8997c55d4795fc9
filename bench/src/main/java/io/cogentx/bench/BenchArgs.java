package io.cogentx.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line arguments of a benchmark: positional values and {@code --name=value} or {@code
 * --flag} options.
 */
final class BenchArgs {

  private final List<String> positional = new ArrayList<>();
  private final Map<String, String> options = new HashMap<>();

  private BenchArgs() {}

  static BenchArgs parse(String[] args) {
    BenchArgs parsed = new BenchArgs();
    for (String arg : args) {
      if (arg.startsWith("--")) {
        int eq = arg.indexOf('=');
        if (eq < 0) {
          parsed.options.put(arg.substring(2), "true");
        } else {
          parsed.options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
      } else {
        parsed.positional.add(arg);
      }
    }
    return parsed;
  }

  /** The {@code index}-th positional argument, or {@code fallback}. */
  String positional(int index, String fallback) {
    return index < positional.size() ? positional.get(index) : fallback;
  }

  int intOption(String name, int fallback) {
    String value = options.get(name);
    return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
  }

  String option(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  boolean flag(String name) {
    return Boolean.parseBoolean(options.getOrDefault(name, "false"));
  }

  /**
   * The evaluation data directory: {@code given} if not null, else {@code ../shared/data} relative
   * to the repository root (the folder holding {@code bench/pom.xml}, searched upwards from the
   * working directory).
   */
  static Path dataDir(String given) {
    if (given != null) {
      return Path.of(given);
    }
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("bench/pom.xml"))) {
        return d.resolve("../shared/data").normalize();
      }
    }
    return dir.resolve("../shared/data").normalize();
  }

  /** The repository's bench/target folder, for caches; the working directory if not found. */
  static Path benchTarget() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("bench/pom.xml"))) {
        return d.resolve("bench/target");
      }
    }
    return dir.resolve("target");
  }

  /** Prints the benchmark's SKIPPED line; the caller then returns (exit status 0). */
  static void skipped(String benchmark, String reason) {
    System.out.println(benchmark + " SKIPPED: " + reason);
  }
}

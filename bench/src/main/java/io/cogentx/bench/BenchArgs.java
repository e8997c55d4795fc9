package io.cogentx.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
   * The evaluation data directory: {@code given} if not null, else {@code $COGENTX_DATA} if set,
   * else {@code ../shared/data} beside the repository (the folder holding {@code bench/pom.xml},
   * searched upwards from the working directory) or, in a linked git work tree, beside the main
   * checkout. When none exists, the first candidate (benchmarks then skip, saying where they
   * looked).
   */
  static Path dataDir(String given) {
    if (given != null) {
      return Path.of(given);
    }
    String env = System.getenv("COGENTX_DATA");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    Path root = repositoryRoot();
    Path beside = root.resolve("../shared/data").normalize();
    if (Files.isDirectory(beside)) {
      return beside;
    }
    return mainCheckout(root)
        .map(main -> main.resolve("../shared/data").normalize())
        .filter(Files::isDirectory)
        .orElse(beside);
  }

  /** The folder holding bench/pom.xml above the working directory, else the working directory. */
  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("bench/pom.xml"))) {
        return d;
      }
    }
    return dir;
  }

  /**
   * The main checkout when {@code root} is a linked work tree ({@code .git} is a file naming its
   * git directory, whose {@code commondir} leads to the main {@code .git}).
   */
  static Optional<Path> mainCheckout(Path root) {
    try {
      Path dotGit = root.resolve(".git");
      if (!Files.isRegularFile(dotGit)) {
        return Optional.empty();
      }
      String line = Files.readString(dotGit).strip();
      if (!line.startsWith("gitdir:")) {
        return Optional.empty();
      }
      Path gitDir = root.resolve(line.substring("gitdir:".length()).strip());
      Path commonDir = gitDir.resolve(Files.readString(gitDir.resolve("commondir")).strip());
      return Optional.ofNullable(commonDir.normalize().getParent());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The repository's bench/target folder, for caches; the working directory if not found. */
  static Path benchTarget() {
    Path root = repositoryRoot();
    return Files.isRegularFile(root.resolve("bench/pom.xml"))
        ? root.resolve("bench/target")
        : root.resolve("target");
  }

  /** Prints the benchmark's SKIPPED line; the caller then returns (exit status 0). */
  static void skipped(String benchmark, String reason) {
    System.out.println(benchmark + " SKIPPED: " + reason);
  }
}

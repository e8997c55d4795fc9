package io.cogentx.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line flags shared by the retrieval-quality benchmarks ({@link SciFactBench}, {@link
 * SquadBench}). Flags are {@code --name=value}; a bare argument is the data directory.
 *
 * <ul>
 *   <li>{@code --data=DIR}: the evaluation data (default: see {@link BenchArgs#dataDir})
 *   <li>{@code --embedders=A,B}: embedding models, by name or as {@code fp32} / {@code int8}
 *       (default both)
 *   <li>{@code --fusion=rrf|convex}, {@code --rrf-k=60}, {@code --keyword-weight=1}, {@code
 *       --vector-weight=1}, {@code --alpha=0.5}, {@code --candidates=100}: hybrid fusion (default:
 *       what the server ships)
 *   <li>{@code --chunk-tokens=200}, {@code --overlap=40}: the chunker's sizes
 *   <li>{@code --split=development|test}: which side of the data ({@code development} by default:
 *       SciFact's train claims, the SQuAD development articles; {@code test}: SciFact's test
 *       claims, the SQuAD test articles). Settings are chosen on development only; see
 *       docs/benchmarks.md
 *   <li>{@code --sweep}: also evaluate a grid of fusion settings on the same index (development
 *       only: a sweep is a choice)
 *   <li>{@code --vector-cache=DIR|false}: where chunk vectors are kept between runs (default {@code
 *       bench/target/vector-cache}; {@code false} embeds every time). A run that reads them reports
 *       the embedding time measured when they were made
 *   <li>{@code --name=NAME}: results file name (default the benchmark's, e.g. {@code scifact-dev},
 *       {@code scifact-dev-sweep}, {@code scifact-test})
 *   <li>{@code --questions=N}, {@code --seed=S}: SQuAD question sample (default all questions)
 *   <li>{@code --query-encoder=model|int8}: the embedders' {@code EMBEDDING_QUERY_ENCODER} (default
 *       what the server ships): {@code int8} embeds the queries of a full-precision model with its
 *       int8 sibling
 * </ul>
 */
final class EvalOptions {

  static final String FP32 = "all-MiniLM-L6-v2";
  static final String INT8 = "all-MiniLM-L6-v2-int8";

  static final String DEVELOPMENT = "development";
  static final String TEST = "test";

  private static final Set<String> KNOWN =
      Set.of(
          "data",
          "embedders",
          "fusion",
          "rrf-k",
          "keyword-weight",
          "vector-weight",
          "alpha",
          "candidates",
          "chunk-tokens",
          "overlap",
          "sweep",
          "split",
          "vector-cache",
          "name",
          "questions",
          "seed",
          "query-encoder");

  private final Map<String, String> flags = new LinkedHashMap<>();

  private EvalOptions() {}

  static EvalOptions parse(String[] args) {
    EvalOptions options = new EvalOptions();
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        options.flags.put("data", arg);
        continue;
      }
      int eq = arg.indexOf('=');
      String key = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
      if (!KNOWN.contains(key)) {
        throw new IllegalArgumentException("unknown flag --" + key + "; known: " + KNOWN);
      }
      options.flags.put(key, eq < 0 ? "true" : arg.substring(eq + 1));
    }
    options.split(); // fails early on a bad value
    if (options.sweep() && !options.split().equals(DEVELOPMENT)) {
      throw new IllegalArgumentException(
          "--sweep chooses settings, which is done on development data only (--split=development);"
              + " test data is evaluated once with the chosen settings");
    }
    return options;
  }

  /** {@value #DEVELOPMENT} (the default; also {@code dev}) or {@value #TEST}. */
  String split() {
    String split = flags.getOrDefault("split", DEVELOPMENT);
    return switch (split) {
      case DEVELOPMENT, "dev" -> DEVELOPMENT;
      case TEST -> TEST;
      default ->
          throw new IllegalArgumentException("--split must be development or test: " + split);
    };
  }

  /**
   * The results name: {@code --name}, else {@code BASE-dev}, {@code BASE-dev-sweep} or {@code
   * BASE-test}.
   */
  String resultsName(String base) {
    String split = split().equals(TEST) ? "test" : "dev";
    return name(base + "-" + split + (sweep() ? "-sweep" : ""));
  }

  Path dataDir() {
    return BenchArgs.dataDir(flags.get("data"));
  }

  List<String> embedders() {
    String raw = flags.getOrDefault("embedders", FP32 + "," + INT8);
    return Arrays.stream(raw.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(
            s ->
                switch (s) {
                  case "fp32" -> FP32;
                  case "int8" -> INT8;
                  default -> s;
                })
        .toList();
  }

  /** The embedders' settings given on the command line (EMBEDDING_QUERY_ENCODER). */
  Map<String, String> embedderSettings() {
    return flags.containsKey("query-encoder")
        ? Map.of("EMBEDDING_QUERY_ENCODER", flags.get("query-encoder"))
        : Map.of();
  }

  FusionSettings fusion() {
    FusionSettings shipping = FusionSettings.shipping();
    return new FusionSettings(
        flags.getOrDefault("fusion", shipping.method()),
        integer("rrf-k", shipping.rrfK()),
        decimal("keyword-weight", shipping.keywordWeight()),
        decimal("vector-weight", shipping.vectorWeight()),
        decimal("alpha", shipping.alpha()),
        integer("candidates", shipping.candidates()));
  }

  int chunkTokens(int defaultValue) {
    return integer("chunk-tokens", defaultValue);
  }

  int overlapTokens(int defaultValue) {
    return integer("overlap", defaultValue);
  }

  boolean sweep() {
    return Boolean.parseBoolean(flags.getOrDefault("sweep", "false"));
  }

  /** Where chunk vectors are cached, or {@code null} to embed every time. */
  Path vectorCacheDir() {
    String dir = flags.getOrDefault("vector-cache", "true");
    if (dir.equals("false")) {
      return null;
    }
    return dir.equals("true") ? benchTarget().resolve("vector-cache") : Path.of(dir);
  }

  /**
   * bench/target of the repository holding the working directory (the working directory's else).
   */
  private static Path benchTarget() {
    return BenchArgs.benchTarget();
  }

  String name(String defaultName) {
    return flags.getOrDefault("name", defaultName);
  }

  int integer(String key, int defaultValue) {
    return flags.containsKey(key) ? Integer.parseInt(flags.get(key)) : defaultValue;
  }

  long longValue(String key, long defaultValue) {
    return flags.containsKey(key) ? Long.parseLong(flags.get(key)) : defaultValue;
  }

  private double decimal(String key, double defaultValue) {
    return flags.containsKey(key) ? Double.parseDouble(flags.get(key)) : defaultValue;
  }

  /** The flags given, for the results file. */
  Map<String, String> given() {
    return Map.copyOf(flags);
  }
}

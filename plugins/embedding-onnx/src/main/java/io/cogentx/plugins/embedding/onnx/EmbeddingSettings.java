package io.cogentx.plugins.embedding.onnx;

import io.cogentx.spi.PluginConfig;
import io.cogentx.spi.Setting;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Tuning of one embedder, read from the server's configuration.
 *
 * @param intraOpThreads ONNX Runtime threads inside one inference ({@code EMBEDDING_THREADS})
 * @param batchSize most texts per inference ({@code EMBEDDING_BATCH_SIZE})
 * @param workers inferences one {@code embed} call runs at the same time ({@code
 *     EMBEDDING_WORKERS})
 * @param nativeCacheDir where DJL unpacks its tokenizer library ({@code DJL_CACHE_DIR})
 * @param queryEncoder what embeds search queries ({@code EMBEDDING_QUERY_ENCODER})
 */
public record EmbeddingSettings(
    int intraOpThreads,
    int batchSize,
    int workers,
    Path nativeCacheDir,
    QueryEncoder queryEncoder) {

  /** What embeds a search query; passages are always embedded by the model itself. */
  public enum QueryEncoder {
    /** The model itself. */
    MODEL,
    /**
     * The model's int8 sibling ({@link OnnxModel#quantised()}): a query costs about half, its
     * vector differs a little from the full-precision one.
     */
    INT8;

    static QueryEncoder parse(String value) {
      for (QueryEncoder e : values()) {
        if (e.name().equalsIgnoreCase(value.strip())) {
          return e;
        }
      }
      throw new IllegalArgumentException(
          QUERY_ENCODER + " must be model or int8, was \"" + value + "\"");
    }
  }

  public static final String THREADS = "EMBEDDING_THREADS";
  public static final String BATCH_SIZE = "EMBEDDING_BATCH_SIZE";
  public static final String WORKERS = "EMBEDDING_WORKERS";
  public static final String CACHE_DIR = "DJL_CACHE_DIR";
  public static final String QUERY_ENCODER = "EMBEDDING_QUERY_ENCODER";

  /**
   * {@link #queryEncoder} when not configured: int8, which halves the server's CPU per search with
   * the same development figures (bench/results/*-int8-queries.json, docs/benchmarks.md).
   */
  static final QueryEncoder DEFAULT_QUERY_ENCODER = QueryEncoder.INT8;

  public EmbeddingSettings {
    requirePositive(THREADS, intraOpThreads);
    requirePositive(BATCH_SIZE, batchSize);
    requirePositive(WORKERS, workers);
    Objects.requireNonNull(queryEncoder, QUERY_ENCODER);
  }

  /** The settings as declared to operators, with this variant's defaults. */
  public static List<Setting> declared(OnnxModel model) {
    return List.of(
        Setting.of(THREADS, 1, "ONNX Runtime threads inside one inference"),
        Setting.of(
            BATCH_SIZE,
            model.defaultBatchSize(),
            "Most texts per inference of the embedding model"),
        Setting.of(
            WORKERS,
            "",
            "Inferences one embedding call runs at once (default: one per core, at most two)"),
        Setting.of(
            CACHE_DIR,
            "",
            "Where the tokenizer's native library is unpacked (default: a folder in the temp dir)"),
        Setting.of(
            QUERY_ENCODER,
            DEFAULT_QUERY_ENCODER.name().toLowerCase(Locale.ROOT),
            "What embeds search queries: model (the model itself) or int8 (its int8 sibling,"
                + " about half the cost per query; passages still use the model)"));
  }

  /** Reads the settings, with defaults suited to a small shared machine. */
  public static EmbeddingSettings from(PluginConfig config, OnnxModel model) {
    return new EmbeddingSettings(
        config.getInt(THREADS, 1),
        config.getInt(BATCH_SIZE, model.defaultBatchSize()),
        config.getInt(WORKERS, defaultWorkers()),
        config
            .get(CACHE_DIR)
            .filter(s -> !s.isBlank())
            .map(Path::of)
            .orElseGet(EmbeddingSettings::defaultCacheDir),
        config
            .get(QUERY_ENCODER)
            .filter(s -> !s.isBlank())
            .map(QueryEncoder::parse)
            .orElse(DEFAULT_QUERY_ENCODER));
  }

  /** One worker per core, at most two: leaves room for the server on larger machines. */
  static int defaultWorkers() {
    return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
  }

  static Path defaultCacheDir() {
    return Path.of(System.getProperty("java.io.tmpdir"), "cogentx-djl");
  }

  private static void requirePositive(String key, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(key + " must be at least 1, was " + value);
    }
  }
}

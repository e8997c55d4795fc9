package io.cogentx.plugins.embedding.minilm;

import io.cogentx.spi.PluginConfig;
import io.cogentx.spi.Setting;
import java.nio.file.Path;
import java.util.List;

/**
 * Tuning of one embedder, read from the server's configuration.
 *
 * @param intraOpThreads ONNX Runtime threads inside one inference ({@code EMBEDDING_THREADS})
 * @param batchSize most texts per inference ({@code EMBEDDING_BATCH_SIZE})
 * @param workers inferences one {@code embed} call runs at the same time ({@code
 *     EMBEDDING_WORKERS})
 * @param nativeCacheDir where DJL unpacks its tokenizer library ({@code DJL_CACHE_DIR})
 */
public record MiniLmSettings(int intraOpThreads, int batchSize, int workers, Path nativeCacheDir) {

  public static final String THREADS = "EMBEDDING_THREADS";
  public static final String BATCH_SIZE = "EMBEDDING_BATCH_SIZE";
  public static final String WORKERS = "EMBEDDING_WORKERS";
  public static final String CACHE_DIR = "DJL_CACHE_DIR";

  public MiniLmSettings {
    requirePositive(THREADS, intraOpThreads);
    requirePositive(BATCH_SIZE, batchSize);
    requirePositive(WORKERS, workers);
  }

  /** The settings as declared to operators, with this variant's defaults. */
  public static List<Setting> declared(MiniLmVariant variant) {
    return List.of(
        Setting.of(THREADS, 1, "ONNX Runtime threads inside one inference"),
        Setting.of(
            BATCH_SIZE,
            variant.defaultBatchSize(),
            "Most texts per inference of the embedding model"),
        Setting.of(
            WORKERS,
            "",
            "Inferences one embedding call runs at once (default: one per core, at most two)"),
        Setting.of(
            CACHE_DIR,
            "",
            "Where the tokenizer's native library is unpacked (default: a folder in the temp dir)"));
  }

  /** Reads the settings, with defaults suited to a small shared machine. */
  public static MiniLmSettings from(PluginConfig config, MiniLmVariant variant) {
    return new MiniLmSettings(
        config.getInt(THREADS, 1),
        config.getInt(BATCH_SIZE, variant.defaultBatchSize()),
        config.getInt(WORKERS, defaultWorkers()),
        config
            .get(CACHE_DIR)
            .filter(s -> !s.isBlank())
            .map(Path::of)
            .orElseGet(MiniLmSettings::defaultCacheDir));
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

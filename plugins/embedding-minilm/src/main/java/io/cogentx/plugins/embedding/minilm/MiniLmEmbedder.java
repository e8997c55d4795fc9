package io.cogentx.plugins.embedding.minilm;

import ai.onnxruntime.OrtException;
import io.cogentx.spi.Embedder;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * all-MiniLM-L6-v2 sentence embeddings, in process: tokenise (truncating at {@value
 * MiniLmVariant#MAX_TOKENS} tokens), sort the texts of a call by length, run batches through ONNX
 * Runtime, mean-pool over the attention mask and L2-normalise. Thread-safe; {@link #close()} waits
 * for running calls and then frees the native model.
 */
public final class MiniLmEmbedder implements Embedder {

  private static final System.Logger LOG = System.getLogger(MiniLmEmbedder.class.getName());

  private final MiniLmVariant variant;
  private final MiniLmSettings settings;
  private final MiniLmTokenizer tokenizer;
  private final OnnxMiniLm model;
  private final BatchRunner runner;
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed;

  private MiniLmEmbedder(
      MiniLmVariant variant, MiniLmSettings settings, MiniLmTokenizer tokenizer, OnnxMiniLm model) {
    this.variant = variant;
    this.settings = settings;
    this.tokenizer = tokenizer;
    this.model = model;
    this.runner =
        new BatchRunner(settings.workers(), "embed-" + variant.name().toLowerCase(Locale.ROOT));
  }

  /** Loads the tokenizer and the model from the class path; takes a second or two. */
  public static MiniLmEmbedder load(MiniLmVariant variant, MiniLmSettings settings)
      throws IOException, OrtException {
    long start = System.nanoTime();
    DjlOffline.prepare(settings.nativeCacheDir());
    MiniLmTokenizer tokenizer = MiniLmTokenizer.load(variant.tokenizerResource());
    OnnxMiniLm model;
    try {
      model = OnnxMiniLm.load(variant.modelResource(), settings.intraOpThreads());
    } catch (IOException | OrtException | RuntimeException e) {
      tokenizer.close();
      throw e;
    }
    LOG.log(
        Level.INFO,
        "Loaded {0} in {1} ms ({2} intra-op thread(s), batches of {3}, {4} worker(s))",
        variant.modelName(),
        (System.nanoTime() - start) / 1_000_000,
        settings.intraOpThreads(),
        settings.batchSize(),
        settings.workers());
    return new MiniLmEmbedder(variant, settings, tokenizer, model);
  }

  @Override
  public String modelName() {
    return variant.modelName();
  }

  @Override
  public int dimension() {
    return MiniLmVariant.DIMENSION;
  }

  @Override
  public int maxTokens() {
    return MiniLmVariant.MAX_TOKENS;
  }

  @Override
  public int countTokens(String text) {
    Objects.requireNonNull(text, "text");
    lifecycle.readLock().lock();
    try {
      requireOpen();
      return tokenizer.countTokens(text);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  @Override
  public float[][] embed(List<String> texts) {
    texts.forEach(t -> Objects.requireNonNull(t, "texts must not contain null"));
    if (texts.isEmpty()) {
      return new float[0][];
    }
    lifecycle.readLock().lock();
    try {
      requireOpen();
      long[][] ids = tokenizer.encode(texts);
      List<int[]> batches = BatchPlan.byLength(ids, settings.batchSize());
      float[][] vectors = new float[texts.size()][];
      runner.run(
          batches.size(),
          b -> {
            int[] rows = batches.get(b);
            float[][] batchVectors = model.embed(ids, rows);
            for (int i = 0; i < rows.length; i++) {
              vectors[rows[i]] = batchVectors[i];
            }
          });
      return vectors;
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new EmbeddingException(variant.modelName() + " embedder is closed");
    }
  }

  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      runner.close();
      tokenizer.close();
      model.close();
    } catch (OrtException e) {
      LOG.log(Level.WARNING, "Closing the ONNX session failed", e);
    } finally {
      lifecycle.writeLock().unlock();
    }
  }
}

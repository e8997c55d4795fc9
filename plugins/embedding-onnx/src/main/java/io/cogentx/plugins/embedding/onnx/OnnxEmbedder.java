package io.cogentx.plugins.embedding.onnx;

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
 * Sentence embeddings of one {@link OnnxModel}, in process: tokenise (truncating at the model's
 * longest input), sort the texts of a call by length, run batches through ONNX Runtime, pool (mean
 * or [CLS], as the model wants) and L2-normalise. Queries get the model's query instruction first,
 * passages nothing; with {@code EMBEDDING_QUERY_ENCODER=int8} a full-precision model embeds queries
 * with its int8 sibling, the vectors staying in the same space. Thread-safe; {@link #close()} waits
 * for running calls and then frees the native model.
 */
public final class OnnxEmbedder implements Embedder {

  private static final System.Logger LOG = System.getLogger(OnnxEmbedder.class.getName());

  private final OnnxModel model;
  private final EmbeddingSettings settings;
  private final Encoder passages;
  private final Encoder queries;
  private final BatchRunner runner;
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed;

  private OnnxEmbedder(
      OnnxModel model, EmbeddingSettings settings, Encoder passages, Encoder queries) {
    this.model = model;
    this.settings = settings;
    this.passages = passages;
    this.queries = queries;
    this.runner =
        new BatchRunner(settings.workers(), "embed-" + model.name().toLowerCase(Locale.ROOT));
  }

  /** Loads the tokenizer and the model from the class path; takes a second or two. */
  public static OnnxEmbedder load(OnnxModel model, EmbeddingSettings settings)
      throws IOException, OrtException {
    long start = System.nanoTime();
    DjlOffline.prepare(settings.nativeCacheDir());
    Encoder passages = Encoder.load(model, settings);
    Encoder queries = passages;
    OnnxModel queryModel =
        settings.queryEncoder() == EmbeddingSettings.QueryEncoder.INT8 ? model.quantised() : model;
    if (queryModel != model) {
      try {
        queries = Encoder.load(queryModel, settings);
      } catch (IOException | OrtException | RuntimeException e) {
        passages.close();
        throw e;
      }
    }
    LOG.log(
        Level.INFO,
        "Loaded {0} in {1} ms ({2} intra-op thread(s), batches of {3}, {4} worker(s), queries by"
            + " {5})",
        model.modelName(),
        (System.nanoTime() - start) / 1_000_000,
        settings.intraOpThreads(),
        settings.batchSize(),
        settings.workers(),
        queryModel.modelName());
    return new OnnxEmbedder(model, settings, passages, queries);
  }

  /** A tokenizer and the ONNX session it feeds. */
  private record Encoder(WordPieceTokenizer tokenizer, OnnxEncoder encoder) {

    static Encoder load(OnnxModel model, EmbeddingSettings settings)
        throws IOException, OrtException {
      WordPieceTokenizer tokenizer =
          WordPieceTokenizer.load(model.tokenizerResource(), model.maxTokens());
      try {
        return new Encoder(
            tokenizer,
            OnnxEncoder.load(model.modelResource(), model.pooling(), settings.intraOpThreads()));
      } catch (IOException | OrtException | RuntimeException e) {
        tokenizer.close();
        throw e;
      }
    }

    void close() throws OrtException {
      tokenizer.close();
      encoder.close();
    }
  }

  @Override
  public String modelName() {
    return model.modelName();
  }

  @Override
  public int dimension() {
    return OnnxModel.DIMENSION;
  }

  @Override
  public int maxTokens() {
    return model.maxTokens();
  }

  @Override
  public int countTokens(String text) {
    Objects.requireNonNull(text, "text");
    lifecycle.readLock().lock();
    try {
      requireOpen();
      return passages.tokenizer().countTokens(text);
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
      long[][] ids = passages.tokenizer().encode(texts);
      List<int[]> batches = BatchPlan.byLength(ids, settings.batchSize());
      float[][] vectors = new float[texts.size()][];
      runner.run(
          batches.size(),
          b -> {
            int[] rows = batches.get(b);
            float[][] batchVectors = passages.encoder().embed(ids, rows);
            for (int i = 0; i < rows.length; i++) {
              vectors[rows[i]] = batchVectors[i];
            }
          });
      return vectors;
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /**
   * The query with the model's query instruction before it (BGE), embedded alone on the calling
   * thread, by the query encoder.
   */
  @Override
  public float[] embedQuery(String query) {
    Objects.requireNonNull(query, "query");
    lifecycle.readLock().lock();
    try {
      requireOpen();
      long[][] ids = queries.tokenizer().encode(List.of(model.queryPrefix() + query));
      return queries.encoder().embed(ids, new int[] {0})[0];
    } catch (OrtException e) {
      throw new EmbeddingException("Embedding the query failed: " + e.getMessage(), e);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new EmbeddingException(model.modelName() + " embedder is closed");
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
      passages.close();
      if (queries != passages) {
        queries.close();
      }
    } catch (OrtException e) {
      LOG.log(Level.WARNING, "Closing the ONNX session failed", e);
    } finally {
      lifecycle.writeLock().unlock();
    }
  }
}

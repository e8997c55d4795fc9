package io.cogentx.retrieval;

import io.cogentx.spi.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Shares the embedding model fairly between sessions: every call is cut into batches, and each
 * batch waits its turn in one first-come-first-served queue with a fixed number of batches running
 * at once. A session ingesting a large document therefore holds at most one place in the queue at a
 * time, and a query waits for at most the batches ahead of it, not for whole documents. When too
 * many batches wait, new work is refused at once.
 */
public final class FairEmbedder implements Embedder {

  private final Embedder delegate;
  private final Semaphore running;
  private final int batchSize;
  private final int maxWaiting;

  /**
   * @param concurrency batches embedded at once
   * @param batchSize texts per batch
   * @param maxWaiting batches allowed to wait before new work is refused
   */
  public FairEmbedder(Embedder delegate, int concurrency, int batchSize, int maxWaiting) {
    if (concurrency < 1 || batchSize < 1 || maxWaiting < 0) {
      throw new IllegalArgumentException("concurrency and batch size must be positive");
    }
    this.delegate = delegate;
    this.running = new Semaphore(concurrency, true);
    this.batchSize = batchSize;
    this.maxWaiting = maxWaiting;
  }

  @Override
  public float[][] embed(List<String> texts) {
    float[][] out = new float[texts.size()][];
    for (int from = 0; from < texts.size(); from += batchSize) {
      int to = Math.min(texts.size(), from + batchSize);
      float[][] batch = runBatch(new ArrayList<>(texts.subList(from, to)));
      System.arraycopy(batch, 0, out, from, batch.length);
    }
    return out;
  }

  /** A query takes one place in the same queue as a batch. */
  @Override
  public float[] embedQuery(String query) {
    return inTurn(() -> delegate.embedQuery(query));
  }

  private float[][] runBatch(List<String> batch) {
    return inTurn(() -> delegate.embed(batch));
  }

  private <T> T inTurn(Supplier<T> work) {
    if (running.getQueueLength() >= maxWaiting) {
      throw new EmbedderBusyException(running.getQueueLength());
    }
    try {
      running.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbedderBusyException(running.getQueueLength());
    }
    try {
      return work.get();
    } finally {
      running.release();
    }
  }

  /** Batches waiting for their turn now. */
  public int waiting() {
    return running.getQueueLength();
  }

  @Override
  public String modelName() {
    return delegate.modelName();
  }

  @Override
  public int dimension() {
    return delegate.dimension();
  }

  @Override
  public int maxTokens() {
    return delegate.maxTokens();
  }

  @Override
  public int countTokens(String text) {
    return delegate.countTokens(text);
  }

  @Override
  public void close() {
    delegate.close();
  }

  /** Too much embedding work is waiting; the client should retry shortly. */
  public static final class EmbedderBusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EmbedderBusyException(int waiting) {
      super(
          "The server is busy embedding other documents ("
              + waiting
              + " batches waiting). Please retry in a few seconds.",
          null,
          false,
          false);
    }
  }
}

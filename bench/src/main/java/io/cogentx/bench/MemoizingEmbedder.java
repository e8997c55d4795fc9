package io.cogentx.bench;

import io.cogentx.spi.Embedder;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the vector of every query embedded, so a sweep over fusion settings embeds each query
 * once. Returns the same array for the same query, which {@link MemoizingIndex} relies on.
 */
final class MemoizingEmbedder implements Embedder {

  private final Embedder delegate;
  private final ConcurrentHashMap<String, float[]> vectors = new ConcurrentHashMap<>();

  MemoizingEmbedder(Embedder delegate) {
    this.delegate = delegate;
  }

  @Override
  public float[] embedQuery(String query) {
    return vectors.computeIfAbsent(query, delegate::embedQuery);
  }

  @Override
  public float[][] embed(List<String> texts) {
    return delegate.embed(texts);
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
}

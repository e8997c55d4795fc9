package io.cogentx.bench;

import io.cogentx.spi.Embedder;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the vector of every single text embedded (the queries), so a sweep over fusion settings
 * embeds each query once. Returns the same array for the same text, which {@link MemoizingIndex}
 * relies on.
 */
final class MemoizingEmbedder implements Embedder {

  private final Embedder delegate;
  private final ConcurrentHashMap<String, float[]> vectors = new ConcurrentHashMap<>();

  MemoizingEmbedder(Embedder delegate) {
    this.delegate = delegate;
  }

  @Override
  public float[] embed(String text) {
    return vectors.computeIfAbsent(text, delegate::embed);
  }

  @Override
  public float[][] embed(List<String> texts) {
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = embed(texts.get(i));
    }
    return out;
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

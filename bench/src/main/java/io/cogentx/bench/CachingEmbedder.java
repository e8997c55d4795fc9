package io.cogentx.bench;

import io.cogentx.spi.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An embedder that embeds each distinct text once and then hands out copies of its vector, so a
 * benchmark can ingest the same documents many times without paying for the model each time.
 */
final class CachingEmbedder implements Embedder {

  private final Embedder delegate;
  private final ConcurrentHashMap<String, float[]> vectors = new ConcurrentHashMap<>();

  CachingEmbedder(Embedder delegate) {
    this.delegate = delegate;
  }

  @Override
  public float[][] embed(List<String> texts) {
    List<String> missing = new ArrayList<>();
    for (String t : texts) {
      if (!vectors.containsKey(t) && !missing.contains(t)) {
        missing.add(t);
      }
    }
    if (!missing.isEmpty()) {
      float[][] fresh = delegate.embed(missing);
      for (int i = 0; i < fresh.length; i++) {
        vectors.put(missing.get(i), fresh[i]);
      }
    }
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = vectors.get(texts.get(i)).clone();
    }
    return out;
  }

  @Override
  public float[] embedQuery(String query) {
    return delegate.embedQuery(query);
  }

  /** Distinct texts embedded so far. */
  int cached() {
    return vectors.size();
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
}

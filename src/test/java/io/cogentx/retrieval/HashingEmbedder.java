package io.cogentx.retrieval;

import io.cogentx.spi.Embedder;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fast stand-in embedder for unit tests: a bag of hashed lower-case words, L2-normalised, so
 * texts sharing words are near each other. Counts its calls.
 */
class HashingEmbedder implements Embedder {

  final AtomicInteger calls = new AtomicInteger();
  private final String name;
  private final int dimension;

  HashingEmbedder(String name, int dimension) {
    this.name = name;
    this.dimension = dimension;
  }

  @Override
  public String modelName() {
    return name;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public int maxTokens() {
    return 256;
  }

  @Override
  public int countTokens(String text) {
    return new WordCounter().applyAsInt(text);
  }

  @Override
  public float[][] embed(List<String> texts) {
    calls.incrementAndGet();
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < texts.size(); i++) {
      float[] v = new float[dimension];
      for (String word : texts.get(i).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
        if (!word.isEmpty()) {
          v[Math.floorMod(word.hashCode(), dimension)] += 1;
        }
      }
      double norm = 0;
      for (float x : v) {
        norm += x * x;
      }
      if (norm == 0) {
        v[0] = 1;
        norm = 1;
      }
      for (int j = 0; j < v.length; j++) {
        v[j] /= (float) Math.sqrt(norm);
      }
      out[i] = v;
    }
    return out;
  }
}

package io.cogentx.plugins.index.lucene;

/** Checks and normalises vectors so that Lucene's dot-product similarity is their cosine. */
final class Vectors {

  private Vectors() {}

  /**
   * Returns a unit-length copy of {@code v}.
   *
   * @throws IllegalArgumentException if its length is not {@code dimension}, or it has a non-finite
   *     component, or it is all zeros
   */
  static float[] unitCopy(float[] v, int dimension) {
    if (v == null) {
      throw new IllegalArgumentException("vector is null");
    }
    if (v.length != dimension) {
      throw new IllegalArgumentException(
          "vector has dimension " + v.length + " but the index has dimension " + dimension);
    }
    double sum = 0;
    for (float x : v) {
      if (!Float.isFinite(x)) {
        throw new IllegalArgumentException("vector has a non-finite component");
      }
      sum += (double) x * x;
    }
    if (sum == 0) {
      throw new IllegalArgumentException("vector is all zeros");
    }
    float[] out = new float[v.length];
    float scale = (float) (1 / Math.sqrt(sum));
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * scale;
    }
    return out;
  }

  /** Lucene's {@code DOT_PRODUCT} score, {@code (1 + cos) / 2}, back to the cosine. */
  static float cosineFromScore(float score) {
    return 2 * score - 1;
  }
}

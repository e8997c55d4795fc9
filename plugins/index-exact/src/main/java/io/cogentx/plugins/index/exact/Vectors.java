package io.cogentx.plugins.index.exact;

/** Checks and normalises vectors so that a dot product is their cosine. */
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

  /** Dot product of {@code q} with {@code data[offset .. offset + q.length)}. */
  static float dot(float[] q, float[] data, int offset) {
    int n = q.length;
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = 0;
    for (int upper = n & ~3; i < upper; i += 4) {
      s0 += q[i] * data[offset + i];
      s1 += q[i + 1] * data[offset + i + 1];
      s2 += q[i + 2] * data[offset + i + 2];
      s3 += q[i + 3] * data[offset + i + 3];
    }
    for (; i < n; i++) {
      s0 += q[i] * data[offset + i];
    }
    return (s0 + s1) + (s2 + s3);
  }
}

package io.cogentx.spi.contract;

import java.util.Random;

/** Hand-made and seeded random unit vectors for tests. */
public final class TestVectors {

  private TestVectors() {}

  /** Unit vector along {@code axis}, tilted by {@code tilt} towards the next axis. */
  public static float[] nearAxis(int dim, int axis, float tilt) {
    float[] v = new float[dim];
    v[axis % dim] = 1;
    v[(axis + 1) % dim] = tilt;
    return normalize(v);
  }

  /**
   * Random unit vectors shaped like sentence embeddings: a random mix of {@code rank} directions
   * with decreasing weight, plus a little isotropic noise. (Uniformly random vectors in many
   * dimensions are all nearly equidistant, which no approximate index handles, and real embeddings
   * are not like that.)
   */
  public static float[][] embeddingLike(Random random, int count, int dim, int rank) {
    float[][] basis = new float[rank][];
    for (int k = 0; k < rank; k++) {
      basis[k] = gaussianUnit(random, dim);
    }
    float[][] out = new float[count][];
    for (int i = 0; i < count; i++) {
      float[] v = new float[dim];
      for (int k = 0; k < rank; k++) {
        float z = (float) (random.nextGaussian() / Math.sqrt(1 + k));
        for (int d = 0; d < dim; d++) {
          v[d] += z * basis[k][d];
        }
      }
      for (int d = 0; d < dim; d++) {
        v[d] += (float) (0.05 * random.nextGaussian());
      }
      out[i] = normalize(v);
    }
    return out;
  }

  public static float[] gaussianUnit(Random random, int dim) {
    float[] v = new float[dim];
    for (int d = 0; d < dim; d++) {
      v[d] = (float) random.nextGaussian();
    }
    return normalize(v);
  }

  public static float[] normalize(float[] v) {
    double s = 0;
    for (float x : v) {
      s += (double) x * x;
    }
    float inv = (float) (1 / Math.sqrt(s));
    for (int i = 0; i < v.length; i++) {
      v[i] *= inv;
    }
    return v;
  }

  public static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }
}

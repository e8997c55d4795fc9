package io.cogentx.plugins.embedding.onnx;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * How a model's last hidden state becomes one unit-length vector per text: the mean of the token
 * vectors the attention mask keeps (sentence-transformers' pooling for all-MiniLM-L6-v2), or the
 * vector of the first token, {@code [CLS]} (BGE); then L2 normalisation.
 */
public enum Pooling {
  /** The mean of every token the attention mask keeps. */
  MEAN(Integer.MAX_VALUE),

  /** The first token's vector only. */
  CLS(1);

  /** As in sentence-transformers: avoids dividing by zero for an all-zero vector. */
  private static final double MIN_NORM = 1e-12;

  private final int tokensPooled;

  Pooling(int tokensPooled) {
    this.tokensPooled = tokensPooled;
  }

  /**
   * Pools a {@code [rows, tokens, dimension]} tensor, row-major in {@code hidden}.
   *
   * @param attentionMask {@code [rows, tokens]}, row-major, 1 for real tokens and 0 for padding
   * @return one unit-length vector per row
   */
  float[][] poolAndNormalise(
      FloatBuffer hidden, long[] attentionMask, int rows, int tokens, int dimension) {
    if (hidden.remaining() != rows * tokens * dimension || attentionMask.length != rows * tokens) {
      throw new IllegalArgumentException(
          "Shape mismatch: "
              + hidden.remaining()
              + " values and "
              + attentionMask.length
              + " mask entries for "
              + rows
              + "x"
              + tokens
              + "x"
              + dimension);
    }
    int base = hidden.position();
    float[][] vectors = new float[rows][];
    double[] sum = new double[dimension];
    for (int row = 0; row < rows; row++) {
      Arrays.fill(sum, 0);
      int kept = 0;
      for (int t = 0; t < tokens && kept < tokensPooled; t++) {
        if (attentionMask[row * tokens + t] == 0) {
          continue;
        }
        kept++;
        int offset = base + (row * tokens + t) * dimension;
        for (int d = 0; d < dimension; d++) {
          sum[d] += hidden.get(offset + d);
        }
      }
      vectors[row] = normalise(sum, Math.max(kept, 1));
    }
    return vectors;
  }

  private static float[] normalise(double[] sum, int count) {
    double squares = 0;
    for (double s : sum) {
      double mean = s / count;
      squares += mean * mean;
    }
    double norm = Math.max(Math.sqrt(squares), MIN_NORM);
    float[] vector = new float[sum.length];
    for (int d = 0; d < sum.length; d++) {
      vector[d] = (float) (sum[d] / count / norm);
    }
    return vector;
  }
}

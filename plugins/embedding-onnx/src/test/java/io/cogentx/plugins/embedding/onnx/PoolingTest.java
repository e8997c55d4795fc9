package io.cogentx.plugins.embedding.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

class PoolingTest {

  @Test
  void averagesOnlyUnmaskedTokensThenNormalises() {
    // 2 rows x 3 tokens x 2 dims; row 0 has a padding token with huge values that must not count.
    float[] hidden = {
      1, 0, 3, 0, 1000, 1000, // row 0: mean of (1,0),(3,0) = (2,0) -> (1,0)
      0, 1, 0, 3, 0, 2 // row 1: mean (0,2) -> (0,1)
    };
    long[] mask = {1, 1, 0, 1, 1, 1};

    float[][] v = Pooling.MEAN.poolAndNormalise(FloatBuffer.wrap(hidden), mask, 2, 3, 2);

    assertThat(v[0][0]).isCloseTo(1f, within(1e-6f));
    assertThat(v[0][1]).isCloseTo(0f, within(1e-6f));
    assertThat(v[1][0]).isCloseTo(0f, within(1e-6f));
    assertThat(v[1][1]).isCloseTo(1f, within(1e-6f));
  }

  @Test
  void keepsDirectionAndGivesUnitLength() {
    float[] hidden = {3, 4, 3, 4};
    float[][] v =
        Pooling.MEAN.poolAndNormalise(FloatBuffer.wrap(hidden), new long[] {1, 1}, 1, 2, 2);

    assertThat(v[0]).containsExactly(new float[] {0.6f, 0.8f}, within(1e-6f));
  }

  @Test
  void aZeroVectorStaysFiniteInsteadOfNaN() {
    float[][] v =
        Pooling.MEAN.poolAndNormalise(FloatBuffer.wrap(new float[4]), new long[] {1, 0}, 1, 2, 2);

    assertThat(v[0]).containsExactly(0f, 0f);
  }

  @Test
  void clsTakesTheFirstTokenOfEachRowOnlyThenNormalises() {
    // 2 rows x 3 tokens x 2 dims; the later tokens, padding or not, must not count.
    float[] hidden = {
      3, 4, 100, 0, 0, 100, // row 0: [CLS] = (3,4) -> (0.6,0.8)
      0, -2, 50, 50, 7, 7 // row 1: [CLS] = (0,-2) -> (0,-1)
    };
    long[] mask = {1, 1, 0, 1, 1, 1};

    float[][] v = Pooling.CLS.poolAndNormalise(FloatBuffer.wrap(hidden), mask, 2, 3, 2);

    assertThat(v[0]).containsExactly(new float[] {0.6f, 0.8f}, within(1e-6f));
    assertThat(v[1]).containsExactly(new float[] {0f, -1f}, within(1e-6f));
  }

  @Test
  void rejectsAShapeMismatch() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                Pooling.MEAN.poolAndNormalise(
                    FloatBuffer.wrap(new float[5]), new long[2], 1, 2, 2));
  }
}

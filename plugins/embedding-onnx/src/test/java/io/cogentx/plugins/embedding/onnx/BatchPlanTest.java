package io.cogentx.plugins.embedding.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPlanTest {

  @Test
  void groupsTextsOfSimilarLengthShortestFirstAndKeepsEveryIndexOnce() {
    long[][] ids = {new long[9], new long[2], new long[5], new long[2], new long[7]};

    List<int[]> batches = BatchPlan.byLength(ids, 2);

    assertThat(batches).containsExactly(new int[] {1, 3}, new int[] {2, 4}, new int[] {0});
  }

  @Test
  void longTextsGoInSmallerBatchesToBoundMemory() {
    long[][] ids = new long[40][];
    for (int i = 0; i < 40; i++) {
      ids[i] = new long[i < 20 ? 10 : 256];
    }

    List<int[]> batches = BatchPlan.byLength(ids, 32, 2048);

    // 20 short texts fit; then at most 2048 / 256 = 8 long ones per batch.
    assertThat(batches.stream().map(b -> b.length)).containsExactly(20, 8, 8, 4);
  }

  @Test
  void aTextLongerThanTheBudgetStillFormsABatch() {
    assertThat(BatchPlan.byLength(new long[][] {new long[300], new long[300]}, 4, 256))
        .containsExactly(new int[] {0}, new int[] {1});
  }

  @Test
  void oneBatchWhenEverythingFits() {
    assertThat(BatchPlan.byLength(new long[3][1], 16)).hasSize(1);
    assertThat(BatchPlan.byLength(new long[0][], 16)).isEmpty();
  }
}

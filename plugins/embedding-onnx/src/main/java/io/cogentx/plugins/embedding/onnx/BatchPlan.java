package io.cogentx.plugins.embedding.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Groups the texts of one call into batches of similar token length, so little padding is computed
 * (and, for the int8 model, whose vectors shift slightly with padding, texts are padded little). A
 * batch also stays under a token budget: attention memory grows with rows × length², and ONNX
 * Runtime's arena keeps its largest allocation, so 32 texts of 256 tokens would pin ~100 MB.
 */
final class BatchPlan {

  /** Padded tokens per batch: 8 texts of 256 tokens, or 32 of 64. */
  static final int MAX_BATCH_TOKENS = 2048;

  private BatchPlan() {}

  /**
   * Splits the indices of {@code ids} into batches of at most {@code batchSize} texts and at most
   * {@link #MAX_BATCH_TOKENS} padded tokens (a single longer text still forms a batch), shortest
   * texts first; equal lengths keep their input order.
   */
  static List<int[]> byLength(long[][] ids, int batchSize) {
    return byLength(ids, batchSize, MAX_BATCH_TOKENS);
  }

  static List<int[]> byLength(long[][] ids, int batchSize, int maxBatchTokens) {
    int[] order =
        IntStream.range(0, ids.length)
            .boxed()
            .sorted(Comparator.comparingInt(i -> ids[i].length))
            .mapToInt(Integer::intValue)
            .toArray();
    List<int[]> batches = new ArrayList<>();
    int from = 0;
    while (from < order.length) {
      int to = from + 1;
      // Sorted ascending, so the text at "to" would be the longest, setting the padded width.
      while (to < order.length
          && to - from < batchSize
          && (long) (to - from + 1) * ids[order[to]].length <= maxBatchTokens) {
        to++;
      }
      batches.add(Arrays.copyOfRange(order, from, to));
      from = to;
    }
    return batches;
  }
}

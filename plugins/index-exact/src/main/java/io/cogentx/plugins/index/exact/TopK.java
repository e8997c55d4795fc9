package io.cogentx.plugins.index.exact;

/**
 * Keeps the {@code k} best (slot, score) pairs seen so far in a binary min-heap of primitives. Ties
 * are broken by the lower slot, so results are deterministic.
 */
final class TopK {

  private final int[] slots;
  private final float[] scores;
  private int size;

  TopK(int k) {
    if (k <= 0) {
      throw new IllegalArgumentException("k must be positive: " + k);
    }
    slots = new int[k];
    scores = new float[k];
  }

  /** Score a candidate must beat to enter, or negative infinity while the heap is not full. */
  float threshold() {
    return size < slots.length ? Float.NEGATIVE_INFINITY : scores[0];
  }

  void offer(int slot, float score) {
    if (size < slots.length) {
      slots[size] = slot;
      scores[size] = score;
      siftUp(size++);
    } else if (worse(slots[0], scores[0], slot, score)) {
      slots[0] = slot;
      scores[0] = score;
      siftDown(0);
    }
  }

  int size() {
    return size;
  }

  /** Empties the heap and returns the slots, best first; {@code scoresOut[i]} gets their scores. */
  int[] drainBestFirst(float[] scoresOut) {
    int n = size;
    int[] out = new int[n];
    for (int i = n - 1; i >= 0; i--) {
      out[i] = slots[0];
      scoresOut[i] = scores[0];
      size--;
      if (size > 0) {
        slots[0] = slots[size];
        scores[0] = scores[size];
        siftDown(0);
      }
    }
    return out;
  }

  /** True when (slotA, scoreA) ranks below (slotB, scoreB). */
  private static boolean worse(int slotA, float scoreA, int slotB, float scoreB) {
    return scoreA < scoreB || (scoreA == scoreB && slotA > slotB);
  }

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!worse(slots[i], scores[i], slots[parent], scores[parent])) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int left = 2 * i + 1;
      if (left >= size) {
        return;
      }
      int worst = left;
      int right = left + 1;
      if (right < size && worse(slots[right], scores[right], slots[left], scores[left])) {
        worst = right;
      }
      if (!worse(slots[worst], scores[worst], slots[i], scores[i])) {
        return;
      }
      swap(i, worst);
      i = worst;
    }
  }

  private void swap(int a, int b) {
    int s = slots[a];
    slots[a] = slots[b];
    slots[b] = s;
    float f = scores[a];
    scores[a] = scores[b];
    scores[b] = f;
  }
}

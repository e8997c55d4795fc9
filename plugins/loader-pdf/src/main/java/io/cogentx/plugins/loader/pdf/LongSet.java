package io.cogentx.plugins.loader.pdf;

import java.util.Arrays;

/** A set of longs with open addressing, for per-glyph checks without boxing. */
final class LongSet {

  private static final long EMPTY = Long.MIN_VALUE;

  private long[] slots = newSlots(1024);
  private int size;
  private boolean hasEmptyValue;

  /** Adds {@code value}; false when it was already present. */
  boolean add(long value) {
    if (value == EMPTY) {
      boolean added = !hasEmptyValue;
      hasEmptyValue = true;
      return added;
    }
    if (2 * (size + 1) > slots.length) {
      grow();
    }
    int mask = slots.length - 1;
    int i = mix(value) & mask;
    while (slots[i] != EMPTY) {
      if (slots[i] == value) {
        return false;
      }
      i = (i + 1) & mask;
    }
    slots[i] = value;
    size++;
    return true;
  }

  void clear() {
    if (size > 0) {
      Arrays.fill(slots, EMPTY);
    }
    size = 0;
    hasEmptyValue = false;
  }

  private void grow() {
    long[] old = slots;
    slots = newSlots(old.length * 2);
    size = 0;
    for (long v : old) {
      if (v != EMPTY) {
        add(v);
      }
    }
  }

  private static long[] newSlots(int n) {
    long[] s = new long[n];
    Arrays.fill(s, EMPTY);
    return s;
  }

  private static int mix(long v) {
    long h = v * 0x9E37_79B9_7F4A_7C15L;
    return (int) (h ^ (h >>> 32));
  }
}

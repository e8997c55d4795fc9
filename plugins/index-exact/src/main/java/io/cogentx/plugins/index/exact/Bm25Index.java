package io.cogentx.plugins.index.exact;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * In-memory inverted index scored with plain Okapi BM25 ({@code k1 = 1.2}, {@code b = 0.75}, {@code
 * idf = ln(1 + (N - df + 0.5) / (df + 0.5))}). Documents are identified by slot numbers handed in
 * by the caller. Not thread-safe: the owning index guards it.
 */
final class Bm25Index {

  static final float K1 = 1.2f;
  static final float B = 0.75f;

  /** Slots that contain one term, ascending, with the term's frequency in each. */
  private static final class Postings {
    int[] slots = new int[2];
    int[] freqs = new int[2];
    int size;

    void append(int slot, int freq) {
      if (size == slots.length) {
        slots = Arrays.copyOf(slots, size * 2);
        freqs = Arrays.copyOf(freqs, size * 2);
      }
      slots[size] = slot;
      freqs[size] = freq;
      size++;
    }

    void remove(int slot) {
      int i = Arrays.binarySearch(slots, 0, size, slot);
      if (i >= 0) {
        System.arraycopy(slots, i + 1, slots, i, size - i - 1);
        System.arraycopy(freqs, i + 1, freqs, i, size - i - 1);
        size--;
      }
    }

    long ramBytesUsed() {
      return 32 + 2 * (16 + 4L * slots.length);
    }
  }

  private final Map<String, Postings> terms = new HashMap<>();
  private int[] docLengths = new int[16];
  private int docCount;
  private long totalLength;

  /** Indexes {@code text} under {@code slot}; slots must be added in ascending order. */
  void add(int slot, String text) {
    List<String> tokens = SimpleAnalyzer.tokens(text);
    if (slot >= docLengths.length) {
      docLengths = Arrays.copyOf(docLengths, Math.max(slot + 1, docLengths.length * 2));
    }
    docLengths[slot] = tokens.size();
    docCount++;
    totalLength += tokens.size();
    for (Map.Entry<String, Integer> e : termFrequencies(tokens).entrySet()) {
      terms.computeIfAbsent(e.getKey(), t -> new Postings()).append(slot, e.getValue());
    }
  }

  /** Forgets the document in {@code slot}; {@code text} must be the text it was added with. */
  void remove(int slot, String text) {
    List<String> tokens = SimpleAnalyzer.tokens(text);
    for (String term : termFrequencies(tokens).keySet()) {
      Postings p = terms.get(term);
      if (p != null) {
        p.remove(slot);
        if (p.size == 0) {
          terms.remove(term);
        }
      }
    }
    docCount--;
    totalLength -= docLengths[slot];
    docLengths[slot] = 0;
  }

  /**
   * Renumbers slots after the owner compacted its storage: {@code newSlot[old]} is the new slot of
   * every live old slot. The mapping must keep the order of slots.
   */
  void renumber(int[] newSlot, int newCapacity) {
    int[] lengths = new int[Math.max(16, newCapacity)];
    for (int old = 0; old < newSlot.length && old < docLengths.length; old++) {
      if (newSlot[old] >= 0) {
        lengths[newSlot[old]] = docLengths[old];
      }
    }
    docLengths = lengths;
    for (Postings p : terms.values()) {
      for (int i = 0; i < p.size; i++) {
        p.slots[i] = newSlot[p.slots[i]];
      }
    }
  }

  /**
   * Scores every document containing at least one query term and keeps the best into {@code top}. A
   * term repeated in the query counts once per occurrence.
   */
  void search(String query, TopK top, int slotCount) {
    if (docCount == 0) {
      return;
    }
    Map<String, Integer> queryTerms = termFrequencies(SimpleAnalyzer.tokens(query));
    if (queryTerms.isEmpty()) {
      return;
    }
    float avgLength = Math.max(1f, (float) ((double) totalLength / docCount));
    float[] scores = new float[slotCount];
    int[] touched = new int[16];
    int touchedCount = 0;
    for (Map.Entry<String, Integer> e : queryTerms.entrySet()) {
      Postings p = terms.get(e.getKey());
      if (p == null) {
        continue;
      }
      float idf = (float) Math.log(1 + (docCount - p.size + 0.5) / (p.size + 0.5));
      float weight = idf * e.getValue();
      for (int i = 0; i < p.size; i++) {
        int slot = p.slots[i];
        float tf = p.freqs[i];
        float norm = K1 * (1 - B + B * docLengths[slot] / avgLength);
        if (scores[slot] == 0f) {
          if (touchedCount == touched.length) {
            touched = Arrays.copyOf(touched, touchedCount * 2);
          }
          touched[touchedCount++] = slot;
        }
        scores[slot] += weight * tf * (K1 + 1) / (tf + norm);
      }
    }
    for (int i = 0; i < touchedCount; i++) {
      top.offer(touched[i], scores[touched[i]]);
    }
  }

  /** How many documents hold any term of {@code text}. */
  int documentFrequency(String text) {
    List<String> tokens = SimpleAnalyzer.tokens(text);
    if (tokens.size() == 1) {
      Postings p = terms.get(tokens.get(0));
      return p == null ? 0 : p.size;
    }
    Set<Integer> slots = new HashSet<>();
    for (String t : tokens) {
      Postings p = terms.get(t);
      for (int i = 0; p != null && i < p.size; i++) {
        slots.add(p.slots[i]);
      }
    }
    return slots.size();
  }

  int docCount() {
    return docCount;
  }

  long ramBytesUsed() {
    long bytes = 16 + 4L * docLengths.length + 64;
    for (Map.Entry<String, Postings> e : terms.entrySet()) {
      bytes += 32 + 40 + e.getKey().length() + e.getValue().ramBytesUsed();
    }
    return bytes + 16 + 8L * terms.size();
  }

  private static Map<String, Integer> termFrequencies(List<String> tokens) {
    Map<String, Integer> tf = new HashMap<>();
    for (String t : tokens) {
      tf.merge(t, 1, Integer::sum);
    }
    return tf;
  }
}

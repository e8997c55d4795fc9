package io.cogentx.plugins.index.exact;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.IndexSpec;
import io.cogentx.spi.ScoredChunk;
import io.cogentx.spi.SessionIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Brute-force index: every vector search compares the query with every stored vector, so results
 * are exact (the ground truth for approximate backends). Vectors sit in one growing {@code
 * float[]}, normalised on the way in, so a dot product is their cosine. Keyword search is {@link
 * Bm25Index}. Memory only: {@link IndexSpec#directory()} is ignored. A read-write lock makes it
 * thread-safe.
 */
final class ExactSessionIndex implements SessionIndex {

  private static final int INITIAL_CAPACITY = 16;

  private final IndexSpec spec;
  private final int dimension;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  private float[] vectors;
  private Chunk[] chunks;
  private boolean[] embedded;
  private int slotCount;
  private int liveCount;
  private Bm25Index bm25 = new Bm25Index();
  private boolean closed;

  ExactSessionIndex(IndexSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.dimension = spec.dimension();
    this.vectors = new float[INITIAL_CAPACITY * dimension];
    this.chunks = new Chunk[INITIAL_CAPACITY];
    this.embedded = new boolean[INITIAL_CAPACITY];
  }

  @Override
  public IndexSpec spec() {
    return spec;
  }

  @Override
  public void add(List<Chunk> newChunks, float[][] newVectors) {
    Objects.requireNonNull(newChunks, "chunks");
    Objects.requireNonNull(newVectors, "vectors");
    if (newChunks.size() != newVectors.length) {
      throw new IllegalArgumentException(
          newChunks.size() + " chunks but " + newVectors.length + " vectors");
    }
    float[][] units = new float[newVectors.length][];
    for (int i = 0; i < newVectors.length; i++) {
      Objects.requireNonNull(newChunks.get(i), "chunk");
      units[i] = newVectors[i] == null ? null : Vectors.unitCopy(newVectors[i], dimension);
    }
    lock.writeLock().lock();
    try {
      ensureOpen();
      ensureCapacity(slotCount + units.length);
      for (int i = 0; i < units.length; i++) {
        int slot = slotCount++;
        if (units[i] != null) {
          System.arraycopy(units[i], 0, vectors, slot * dimension, dimension);
        }
        embedded[slot] = units[i] != null;
        chunks[slot] = newChunks.get(i);
        bm25.add(slot, newChunks.get(i).text());
        liveCount++;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void addVectors(List<Chunk> embeddedChunks, float[][] newVectors) {
    Objects.requireNonNull(embeddedChunks, "chunks");
    Objects.requireNonNull(newVectors, "vectors");
    if (embeddedChunks.size() != newVectors.length) {
      throw new IllegalArgumentException(
          embeddedChunks.size() + " chunks but " + newVectors.length + " vectors");
    }
    Map<String, float[]> byId = new HashMap<>();
    for (int i = 0; i < newVectors.length; i++) {
      byId.put(embeddedChunks.get(i).id(), Vectors.unitCopy(newVectors[i], dimension));
    }
    lock.writeLock().lock();
    try {
      ensureOpen();
      for (int slot = 0; slot < slotCount && !byId.isEmpty(); slot++) {
        float[] unit = chunks[slot] == null ? null : byId.remove(chunks[slot].id());
        if (unit != null) {
          System.arraycopy(unit, 0, vectors, slot * dimension, dimension);
          embedded[slot] = true;
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public int deleteDocument(String documentId) {
    Objects.requireNonNull(documentId, "documentId");
    lock.writeLock().lock();
    try {
      ensureOpen();
      int removed = 0;
      for (int slot = 0; slot < slotCount; slot++) {
        Chunk c = chunks[slot];
        if (c != null && c.documentId().equals(documentId)) {
          bm25.remove(slot, c.text());
          chunks[slot] = null;
          removed++;
        }
      }
      liveCount -= removed;
      if (slotCount - liveCount > Math.max(INITIAL_CAPACITY, liveCount / 4)) {
        compact();
      }
      return removed;
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public List<ScoredChunk> vectorSearch(float[] query, int k) {
    float[] q = Vectors.unitCopy(query, dimension);
    lock.readLock().lock();
    try {
      ensureOpen();
      if (k <= 0 || liveCount == 0) {
        return List.of();
      }
      TopK top = new TopK(Math.min(k, liveCount));
      float[] data = vectors;
      for (int slot = 0, offset = 0; slot < slotCount; slot++, offset += dimension) {
        if (chunks[slot] != null && embedded[slot]) {
          float score = Vectors.dot(q, data, offset);
          if (score >= top.threshold()) {
            top.offer(slot, score);
          }
        }
      }
      return results(top);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<ScoredChunk> keywordSearch(String query, int k) {
    Objects.requireNonNull(query, "query");
    lock.readLock().lock();
    try {
      ensureOpen();
      if (k <= 0 || liveCount == 0) {
        return List.of();
      }
      TopK top = new TopK(Math.min(k, liveCount));
      bm25.search(query, top, slotCount);
      return results(top);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public int[] documentFrequencies(List<String> words) {
    int[] out = new int[words.size()];
    lock.readLock().lock();
    try {
      ensureOpen();
      for (int i = 0; i < out.length; i++) {
        out[i] = bm25.documentFrequency(words.get(i));
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public int size() {
    lock.readLock().lock();
    try {
      ensureOpen();
      return liveCount;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public int chunkCount(String documentId) {
    lock.readLock().lock();
    try {
      ensureOpen();
      int count = 0;
      for (int slot = 0; slot < slotCount; slot++) {
        if (chunks[slot] != null && chunks[slot].documentId().equals(documentId)) {
          count++;
        }
      }
      return count;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void forEachChunk(ChunkVisitor visitor) throws java.io.IOException {
    lock.readLock().lock();
    try {
      ensureOpen();
      for (int slot = 0; slot < slotCount; slot++) {
        if (chunks[slot] != null && embedded[slot]) {
          visitor.accept(
              chunks[slot], Arrays.copyOfRange(vectors, slot * dimension, (slot + 1) * dimension));
        }
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public long ramBytesUsed() {
    lock.readLock().lock();
    try {
      ensureOpen();
      long bytes = 96 + 16 + 4L * vectors.length + 16 + 8L * chunks.length;
      for (int slot = 0; slot < slotCount; slot++) {
        Chunk c = chunks[slot];
        if (c != null) {
          bytes += chunkBytes(c);
        }
      }
      return bytes + bm25.ramBytesUsed();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      closed = true;
      vectors = new float[0];
      chunks = new Chunk[0];
      embedded = new boolean[0];
      bm25 = new Bm25Index();
      slotCount = 0;
      liveCount = 0;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private List<ScoredChunk> results(TopK top) {
    float[] scores = new float[top.size()];
    int[] slots = top.drainBestFirst(scores);
    List<ScoredChunk> out = new ArrayList<>(slots.length);
    for (int i = 0; i < slots.length; i++) {
      out.add(new ScoredChunk(chunks[slots[i]], scores[i]));
    }
    return out;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("index is closed");
    }
  }

  private void ensureCapacity(int slots) {
    if (slots > chunks.length) {
      int capacity = Math.max(slots, chunks.length + (chunks.length >> 1));
      chunks = Arrays.copyOf(chunks, capacity);
      embedded = Arrays.copyOf(embedded, capacity);
      vectors = Arrays.copyOf(vectors, Math.multiplyExact(capacity, dimension));
    }
  }

  /** Drops the slots of deleted chunks, keeping the order of the others. */
  private void compact() {
    int capacity = Math.max(INITIAL_CAPACITY, liveCount);
    float[] newVectors = new float[capacity * dimension];
    Chunk[] newChunks = new Chunk[capacity];
    boolean[] newEmbedded = new boolean[capacity];
    int[] newSlot = new int[slotCount];
    int next = 0;
    for (int slot = 0; slot < slotCount; slot++) {
      if (chunks[slot] == null) {
        newSlot[slot] = -1;
      } else {
        newSlot[slot] = next;
        newChunks[next] = chunks[slot];
        newEmbedded[next] = embedded[slot];
        System.arraycopy(vectors, slot * dimension, newVectors, next * dimension, dimension);
        next++;
      }
    }
    bm25.renumber(newSlot, capacity);
    vectors = newVectors;
    chunks = newChunks;
    embedded = newEmbedded;
    slotCount = next;
  }

  private static long chunkBytes(Chunk c) {
    long bytes =
        64
            + stringBytes(c.documentId())
            + stringBytes(c.title())
            + stringBytes(c.text())
            + stringBytes(c.location());
    if (c.page() != null) {
      bytes += 16;
    }
    if (c.startSeconds() != null) {
      bytes += 24;
    }
    if (c.endSeconds() != null) {
      bytes += 24;
    }
    return bytes;
  }

  private static long stringBytes(String s) {
    return s == null ? 0 : 40 + s.length();
  }
}

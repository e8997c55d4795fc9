package io.cogentx.bench;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.IndexSpec;
import io.cogentx.spi.ScoredChunk;
import io.cogentx.spi.SessionIndex;
import java.io.IOException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A read-only view of an index that remembers every answer by its exact arguments (query text or
 * vector array, and {@code k}), so a sweep over fusion settings asks the real index each distinct
 * question once and gets exactly the answers the index gave. Equal chunks share one instance to
 * keep the memory small. Vectors are keyed by identity: use with {@link MemoizingEmbedder}. Not
 * thread-safe.
 */
final class MemoizingIndex implements SessionIndex {

  private record Key(Object query, int k) {}

  private final SessionIndex delegate;
  private final Map<Key, List<ScoredChunk>> keyword = new HashMap<>();
  private final Map<float[], Map<Integer, List<ScoredChunk>>> vector = new IdentityHashMap<>();
  private final Map<String, Chunk> chunks = new HashMap<>();

  MemoizingIndex(SessionIndex delegate) {
    this.delegate = delegate;
  }

  @Override
  public List<ScoredChunk> keywordSearch(String query, int k) throws IOException {
    Key key = new Key(query, k);
    List<ScoredChunk> hits = keyword.get(key);
    if (hits == null) {
      hits = shared(delegate.keywordSearch(query, k));
      keyword.put(key, hits);
    }
    return hits;
  }

  @Override
  public List<ScoredChunk> vectorSearch(float[] query, int k) throws IOException {
    Map<Integer, List<ScoredChunk>> byK = vector.computeIfAbsent(query, q -> new HashMap<>());
    List<ScoredChunk> hits = byK.get(k);
    if (hits == null) {
      hits = shared(delegate.vectorSearch(query, k));
      byK.put(k, hits);
    }
    return hits;
  }

  private List<ScoredChunk> shared(List<ScoredChunk> hits) {
    return hits.stream()
        .map(
            h ->
                new ScoredChunk(chunks.computeIfAbsent(h.chunk().id(), id -> h.chunk()), h.score()))
        .toList();
  }

  @Override
  public IndexSpec spec() {
    return delegate.spec();
  }

  @Override
  public void add(List<Chunk> added, float[][] vectors) {
    throw new UnsupportedOperationException("read-only");
  }

  @Override
  public void addVectors(List<Chunk> embedded, float[][] vectors) {
    throw new UnsupportedOperationException("read-only");
  }

  @Override
  public int deleteDocument(String documentId) {
    throw new UnsupportedOperationException("read-only");
  }

  @Override
  public int size() {
    return delegate.size();
  }

  @Override
  public long ramBytesUsed() {
    return delegate.ramBytesUsed();
  }

  /** Forgets the answers; the underlying index stays open. */
  @Override
  public void close() {
    keyword.clear();
    vector.clear();
    chunks.clear();
  }
}

package io.cogentx.retrieval;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.ScoredChunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates fused scores per chunk id and sorts them; ties go to the chunk with the better
 * (smaller) rank in either list, then to document id and position, so equal inputs always give the
 * same order.
 */
final class FusedRanking {

  private static final class Entry {
    final Chunk chunk;
    double score;
    int bestRank = Integer.MAX_VALUE;

    Entry(Chunk chunk) {
      this.chunk = chunk;
    }
  }

  private static final Comparator<Entry> ORDER =
      Comparator.<Entry>comparingDouble(e -> -e.score)
          .thenComparingInt(e -> e.bestRank)
          .thenComparing(e -> e.chunk.documentId())
          .thenComparingInt(e -> e.chunk.position());

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /** The hits of {@code list} without repeats of a chunk id (the first, best one is kept). */
  static List<ScoredChunk> distinct(List<ScoredChunk> list) {
    Map<String, ScoredChunk> byId = new LinkedHashMap<>();
    for (ScoredChunk hit : list) {
      byId.putIfAbsent(hit.chunk().id(), hit);
    }
    return List.copyOf(byId.values());
  }

  /** Adds {@code score} to the chunk's fused score; {@code rank} is its 1-based rank in a list. */
  void add(Chunk chunk, int rank, double score) {
    Entry entry = entries.computeIfAbsent(chunk.id(), id -> new Entry(chunk));
    entry.score += score;
    entry.bestRank = Math.min(entry.bestRank, rank);
  }

  List<ScoredChunk> ranked() {
    List<Entry> sorted = new ArrayList<>(entries.values());
    sorted.sort(ORDER);
    return sorted.stream().map(e -> new ScoredChunk(e.chunk, (float) e.score)).toList();
  }
}

package io.cogentx.retrieval;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.ScoredChunk;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  private final Map<String, Entry> entries = new HashMap<>(512);

  /**
   * The hits of one list without repeats of a chunk id (the first, best one is kept), each with its
   * id, worked out once.
   */
  record Distinct(List<ScoredChunk> hits, List<String> ids) {}

  static Distinct distinct(List<ScoredChunk> list) {
    Set<String> seen = new HashSet<>(list.size() * 2);
    List<ScoredChunk> hits = new ArrayList<>(list.size());
    List<String> ids = new ArrayList<>(list.size());
    for (ScoredChunk hit : list) {
      String id = hit.chunk().id();
      if (seen.add(id)) {
        hits.add(hit);
        ids.add(id);
      }
    }
    return new Distinct(hits, ids);
  }

  /**
   * Adds {@code score} to the fused score of {@code hit}'s chunk, whose id is {@code id}; {@code
   * rank} is its 1-based rank in its list.
   */
  void add(String id, ScoredChunk hit, int rank, double score) {
    Entry entry = entries.get(id);
    if (entry == null) {
      entry = new Entry(hit.chunk());
      entries.put(id, entry);
    }
    entry.score += score;
    entry.bestRank = Math.min(entry.bestRank, rank);
  }

  List<ScoredChunk> ranked() {
    List<Entry> sorted = new ArrayList<>(entries.values());
    sorted.sort(ORDER);
    List<ScoredChunk> out = new ArrayList<>(sorted.size());
    for (Entry e : sorted) {
      out.add(new ScoredChunk(e.chunk, (float) e.score));
    }
    return Collections.unmodifiableList(out);
  }
}

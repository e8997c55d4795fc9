package io.cogentx.bench;

import io.cogentx.retrieval.Retriever;
import io.cogentx.retrieval.SearchMode;
import io.cogentx.spi.ScoredChunk;
import io.cogentx.spi.SessionIndex;
import java.io.IOException;
import java.util.List;

/**
 * Ranks documents through the server's {@link Retriever}: asks for twice as many chunks as
 * documents wanted, and doubles that until enough distinct documents came back or the index has no
 * more. For hybrid search each list contributes {@code max(k, candidates)} chunks, so rankings of
 * up to {@code candidates / 2} documents are exactly what the server returns (its top k is capped
 * at 50).
 */
final class DocumentSearch {

  private DocumentSearch() {}

  static List<String> top(
      Retriever retriever, SessionIndex index, String query, SearchMode mode, int documents)
      throws IOException {
    int k = 2 * documents;
    while (true) {
      List<ScoredChunk> hits = retriever.search(index, query, k, mode);
      List<String> ids = RankingMetrics.documents(hits);
      if (ids.size() >= documents || hits.size() < k) {
        return ids.size() > documents ? List.copyOf(ids.subList(0, documents)) : ids;
      }
      k *= 2;
    }
  }
}

package io.cogentx.bench;

import io.cogentx.spi.ScoredChunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Document-level ranking metrics as BEIR computes them (pytrec_eval / trec_eval): nDCG@k with the
 * qrels' grades as gains and a log2 discount, and recall@k over the documents with a positive
 * grade.
 */
final class RankingMetrics {

  private RankingMetrics() {}

  /**
   * Document ids of {@code hits} in order, each once: a document ranks where its best chunk does.
   */
  static List<String> documents(List<ScoredChunk> hits) {
    Set<String> ids = new LinkedHashSet<>();
    for (ScoredChunk hit : hits) {
      ids.add(hit.chunk().documentId());
    }
    return new ArrayList<>(ids);
  }

  /** nDCG@k of {@code ranked} for relevance grades {@code qrels} (document id to grade). */
  static double ndcg(List<String> ranked, Map<String, Integer> qrels, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      dcg += qrels.getOrDefault(ranked.get(i), 0) / log2(i + 2);
    }
    List<Integer> ideal =
        qrels.values().stream().filter(g -> g > 0).sorted(Comparator.reverseOrder()).toList();
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) {
      idcg += ideal.get(i) / log2(i + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  /**
   * Share of the relevant documents (grade above 0) found in the first {@code k} of {@code ranked}.
   */
  static double recall(List<String> ranked, Map<String, Integer> qrels, int k) {
    long relevant = qrels.values().stream().filter(g -> g > 0).count();
    if (relevant == 0) {
      return 0;
    }
    long found = ranked.stream().limit(k).filter(id -> qrels.getOrDefault(id, 0) > 0).count();
    return (double) found / relevant;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}

package io.cogentx.retrieval;

import io.cogentx.spi.ScoredChunk;
import java.util.List;

/**
 * Convex combination of min-max normalised scores: {@code alpha · vector + (1 − alpha) · keyword},
 * each list's scores scaled to [0, 1] (all 1 when a list's scores are equal), 0 for a chunk missing
 * from a list. Unlike {@link ReciprocalRankFusion} it keeps how far apart the scores are, so a
 * chunk that one method finds far better than the rest is not flattened to "rank 1"; this is why it
 * beats RRF on SQuAD (see {@link Retriever}), and why it is the default.
 */
public final class ConvexCombinationFusion implements RankFusion {

  private final double alpha;

  /**
   * @param alpha weight of the vector scores, 0 to 1 (the keyword scores get {@code 1 - alpha})
   */
  public ConvexCombinationFusion(double alpha) {
    if (!(alpha >= 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be 0..1: " + alpha);
    }
    this.alpha = alpha;
  }

  @Override
  public List<ScoredChunk> fuse(List<ScoredChunk> keyword, List<ScoredChunk> vector) {
    FusedRanking ranking = new FusedRanking();
    addNormalised(ranking, keyword, 1 - alpha);
    addNormalised(ranking, vector, alpha);
    return ranking.ranked();
  }

  private static void addNormalised(FusedRanking ranking, List<ScoredChunk> list, double weight) {
    FusedRanking.Distinct distinct = FusedRanking.distinct(list);
    List<ScoredChunk> hits = distinct.hits();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (ScoredChunk hit : hits) {
      min = Math.min(min, hit.score());
      max = Math.max(max, hit.score());
    }
    double range = max - min;
    for (int i = 0; i < hits.size(); i++) {
      double score = hits.get(i).score();
      double normalised = range > 0 ? (score - min) / range : 1.0;
      ranking.add(distinct.ids().get(i), hits.get(i), i + 1, weight * normalised);
    }
  }

  @Override
  public String toString() {
    return "convex(alpha=" + alpha + ")";
  }
}

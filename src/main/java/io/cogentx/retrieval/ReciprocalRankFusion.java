package io.cogentx.retrieval;

import io.cogentx.spi.ScoredChunk;
import java.util.List;

/**
 * Reciprocal rank fusion (Cormack, Clarke &amp; Büttcher, SIGIR 2009): a chunk scores {@code Σ
 * weight / (k + rank)} over the lists it appears in, rank 1-based. Uses ranks only, so the
 * incomparable BM25 and cosine scales do not matter; a larger {@code k} flattens the advantage of
 * the top ranks.
 */
public final class ReciprocalRankFusion implements RankFusion {

  public static final int DEFAULT_K = 60;

  private final int k;
  private final double keywordWeight;
  private final double vectorWeight;

  /** {@code k = 60}, both lists weighted equally. */
  public ReciprocalRankFusion() {
    this(DEFAULT_K, 1.0, 1.0);
  }

  /**
   * @param k rank constant, at least 0
   * @param keywordWeight weight of the keyword list, at least 0
   * @param vectorWeight weight of the vector list, at least 0
   */
  public ReciprocalRankFusion(int k, double keywordWeight, double vectorWeight) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be at least 0: " + k);
    }
    if (!(keywordWeight >= 0)
        || !(vectorWeight >= 0)
        || Double.isInfinite(keywordWeight + vectorWeight)) {
      throw new IllegalArgumentException(
          "weights must be finite and at least 0: " + keywordWeight + ", " + vectorWeight);
    }
    this.k = k;
    this.keywordWeight = keywordWeight;
    this.vectorWeight = vectorWeight;
  }

  @Override
  public List<ScoredChunk> fuse(List<ScoredChunk> keyword, List<ScoredChunk> vector) {
    FusedRanking ranking = new FusedRanking();
    addRanks(ranking, keyword, keywordWeight);
    addRanks(ranking, vector, vectorWeight);
    return ranking.ranked();
  }

  private void addRanks(FusedRanking ranking, List<ScoredChunk> list, double weight) {
    FusedRanking.Distinct distinct = FusedRanking.distinct(list);
    List<ScoredChunk> hits = distinct.hits();
    for (int i = 0; i < hits.size(); i++) {
      int rank = i + 1;
      ranking.add(distinct.ids().get(i), hits.get(i), rank, weight / (k + rank));
    }
  }

  @Override
  public String toString() {
    return "RRF(k=" + k + ", keyword=" + keywordWeight + ", vector=" + vectorWeight + ")";
  }
}

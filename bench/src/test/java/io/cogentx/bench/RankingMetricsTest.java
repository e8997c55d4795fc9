package io.cogentx.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.ScoredChunk;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * nDCG@k and recall@k against examples computed by hand (trec_eval's definitions, which BEIR uses:
 * gain = grade, discount log2(rank + 1), ideal ranking from the judged grades).
 */
class RankingMetricsTest {

  private static final double LOG2_3 = Math.log(3) / Math.log(2);
  private static final double LOG2_4 = 2;

  @Test
  void binaryRelevance() {
    // relevant: b (found at rank 2) and d (not found)
    Map<String, Integer> qrels = Map.of("b", 1, "d", 1);
    List<String> ranked = List.of("a", "b", "c");

    double dcg = 1 / LOG2_3;
    double idcg = 1 + 1 / LOG2_3;
    assertThat(RankingMetrics.ndcg(ranked, qrels, 3)).isCloseTo(dcg / idcg, within(1e-12));
    assertThat(RankingMetrics.ndcg(ranked, qrels, 3)).isCloseTo(0.386853, within(1e-6));
    assertThat(RankingMetrics.recall(ranked, qrels, 3)).isEqualTo(0.5);
    assertThat(RankingMetrics.recall(ranked, qrels, 1)).isZero();
  }

  @Test
  void gradedRelevanceUsesTheGradeAsGain() {
    Map<String, Integer> qrels = Map.of("a", 1, "b", 2, "c", 0, "d", 3);
    List<String> ranked = List.of("a", "b", "c");

    double dcg = 1 + 2 / LOG2_3; // a at 1, b at 2, c judged non-relevant
    double idcg = 3 + 2 / LOG2_3 + 1 / LOG2_4; // d, b, a
    assertThat(RankingMetrics.ndcg(ranked, qrels, 3)).isCloseTo(dcg / idcg, within(1e-12));
    assertThat(RankingMetrics.ndcg(ranked, qrels, 3)).isCloseTo(0.474995, within(1e-6));
    // recall counts every document graded above 0 once, whatever its grade: a and b of a, b, d
    assertThat(RankingMetrics.recall(ranked, qrels, 3)).isCloseTo(2 / 3.0, within(1e-12));
  }

  @Test
  void thePerfectRankingScoresOne() {
    Map<String, Integer> qrels = Map.of("x", 2, "y", 1);
    assertThat(RankingMetrics.ndcg(List.of("x", "y", "z"), qrels, 10)).isCloseTo(1, within(1e-12));
    assertThat(RankingMetrics.recall(List.of("x", "y", "z"), qrels, 10)).isEqualTo(1);
  }

  @Test
  void onlyTheFirstKCount() {
    Map<String, Integer> qrels = Map.of("a", 1);
    List<String> ranked = List.of("x", "y", "a");
    assertThat(RankingMetrics.ndcg(ranked, qrels, 2)).isZero();
    assertThat(RankingMetrics.recall(ranked, qrels, 2)).isZero();
    assertThat(RankingMetrics.ndcg(ranked, qrels, 3)).isCloseTo(1 / LOG2_4, within(1e-12));
    assertThat(RankingMetrics.recall(ranked, qrels, 3)).isEqualTo(1);
  }

  @Test
  void theIdealRankingIsCutAtKToo() {
    // three relevant documents, k = 2: the ideal DCG holds only the best two
    Map<String, Integer> qrels = Map.of("a", 1, "b", 1, "c", 1);
    assertThat(RankingMetrics.ndcg(List.of("a", "b"), qrels, 2)).isCloseTo(1, within(1e-12));
    assertThat(RankingMetrics.recall(List.of("a", "b"), qrels, 2))
        .isCloseTo(2 / 3.0, within(1e-12));
  }

  @Test
  void tiedGradesGiveTheSameScoreInEitherOrder() {
    Map<String, Integer> qrels = Map.of("a", 1, "b", 1, "c", 2);
    double ab = RankingMetrics.ndcg(List.of("a", "b", "n"), qrels, 3);
    double ba = RankingMetrics.ndcg(List.of("b", "a", "n"), qrels, 3);
    assertThat(ab).isEqualTo(ba);
    // and the ideal ranking's two grade-1 documents may come in either order: c, a, b = c, b, a
    assertThat(RankingMetrics.ndcg(List.of("c", "a", "b"), qrels, 3)).isCloseTo(1, within(1e-12));
    assertThat(RankingMetrics.ndcg(List.of("c", "b", "a"), qrels, 3)).isCloseTo(1, within(1e-12));
  }

  @Test
  void unjudgedDocumentsCountAsNotRelevant() {
    Map<String, Integer> qrels = Map.of("a", 1);
    List<String> ranked = List.of("never-judged", "a");
    assertThat(RankingMetrics.ndcg(ranked, qrels, 10)).isCloseTo(1 / LOG2_3, within(1e-12));
    assertThat(RankingMetrics.recall(ranked, qrels, 10)).isEqualTo(1);
  }

  @Test
  void aQueryWithNothingRelevantScoresZeroNotNaN() {
    Map<String, Integer> judgedIrrelevant = Map.of("a", 0);
    assertThat(RankingMetrics.ndcg(List.of("a"), judgedIrrelevant, 10)).isZero();
    assertThat(RankingMetrics.recall(List.of("a"), judgedIrrelevant, 10)).isZero();
    assertThat(RankingMetrics.ndcg(List.of("a"), Map.of(), 10)).isZero();
    assertThat(RankingMetrics.recall(List.of(), Map.of(), 10)).isZero();
  }

  @Test
  void anEmptyRankingScoresZero() {
    assertThat(RankingMetrics.ndcg(List.of(), Map.of("a", 1), 10)).isZero();
    assertThat(RankingMetrics.recall(List.of(), Map.of("a", 1), 10)).isZero();
  }

  @Test
  void aDocumentRanksAtItsBestChunkAndOnlyOnce() {
    List<ScoredChunk> hits =
        List.of(hit("d2", 0, 0.9), hit("d1", 3, 0.8), hit("d2", 1, 0.7), hit("d3", 0, 0.6));
    assertThat(RankingMetrics.documents(hits)).containsExactly("d2", "d1", "d3");
  }

  private static ScoredChunk hit(String document, int position, double score) {
    return new ScoredChunk(
        new Chunk(document, "t", position, "text", 0, 4, null, null, null, null), (float) score);
  }
}

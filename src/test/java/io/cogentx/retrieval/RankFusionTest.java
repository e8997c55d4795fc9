package io.cogentx.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.ScoredChunk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankFusionTest {

  private static Chunk chunk(String name) {
    return new Chunk(
        "doc", null, name.charAt(0) - 'a', name, 0, name.length(), null, null, null, null);
  }

  /** Hits named by letter, best first, with descending scores starting at {@code top}. */
  private static List<ScoredChunk> hits(float top, String... names) {
    List<ScoredChunk> out = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      out.add(new ScoredChunk(chunk(names[i]), top - i));
    }
    return out;
  }

  private static List<String> names(List<ScoredChunk> ranked) {
    return ranked.stream().map(h -> h.chunk().text()).toList();
  }

  @Test
  void aChunkRankedHighInBothListsWins() {
    List<ScoredChunk> keyword = hits(10, "a", "c", "d", "f");
    List<ScoredChunk> vector = hits(1, "b", "c", "e", "g");

    assertThat(names(new ReciprocalRankFusion().fuse(keyword, vector)).getFirst()).isEqualTo("c");
    assertThat(names(new ConvexCombinationFusion(0.5).fuse(keyword, vector)).getFirst())
        .isEqualTo("c");
  }

  @Test
  void eachChunkAppearsOnceWithTheSumOfItsReciprocalRanks() {
    List<ScoredChunk> fused =
        new ReciprocalRankFusion().fuse(hits(10, "a", "b", "a"), hits(1, "b"));

    assertThat(names(fused)).containsExactly("b", "a");
    assertThat(fused.get(0).score()).isCloseTo((float) (1.0 / 62 + 1.0 / 61), within(1e-7f));
    assertThat(fused.get(1).score()).isCloseTo((float) (1.0 / 61), within(1e-7f));
  }

  @Test
  void tiesAreBrokenByBestRankThenByDocumentPosition() {
    // b and a both score 1/61 + 1/62; then c and d both 1/63 (rank 3 in one list each).
    List<ScoredChunk> keyword = hits(10, "b", "a", "d");
    List<ScoredChunk> vector = hits(1, "a", "b", "c");
    List<String> once = names(new ReciprocalRankFusion().fuse(keyword, vector));

    assertThat(once).containsExactly("a", "b", "c", "d");
    assertThat(names(new ReciprocalRankFusion().fuse(vector, keyword))).isEqualTo(once);
  }

  @Test
  void handlesListsOfDifferentLengths() {
    List<ScoredChunk> fused =
        new ReciprocalRankFusion().fuse(hits(10, "a"), hits(1, "b", "c", "d", "e", "a"));

    assertThat(names(fused)).hasSize(5).startsWith("a", "b").endsWith("e");
  }

  @Test
  void anEmptyListReturnsTheOtherOrder() {
    List<ScoredChunk> vector = hits(1, "d", "b", "c", "a");

    for (RankFusion fusion :
        List.of(new ReciprocalRankFusion(), new ConvexCombinationFusion(0.3))) {
      assertThat(names(fusion.fuse(List.of(), vector))).containsExactly("d", "b", "c", "a");
      assertThat(names(fusion.fuse(vector, List.of()))).containsExactly("d", "b", "c", "a");
      assertThat(fusion.fuse(List.of(), List.of())).isEmpty();
    }
  }

  @Test
  void kDecidesBetweenOneTopHitAndConsistentMiddleHits() {
    // a: rank 1 in keyword only; b: rank 3 in both lists.
    List<ScoredChunk> keyword = hits(10, "a", "x", "b");
    List<ScoredChunk> vector = hits(1, "y", "z", "b");

    assertThat(names(new ReciprocalRankFusion(0, 1, 1).fuse(keyword, vector)).getFirst())
        .isEqualTo("a");
    assertThat(names(new ReciprocalRankFusion(60, 1, 1).fuse(keyword, vector)).getFirst())
        .isEqualTo("b");
  }

  @Test
  void weightsFavourOneList() {
    List<ScoredChunk> keyword = hits(10, "a");
    List<ScoredChunk> vector = hits(1, "b");

    assertThat(names(new ReciprocalRankFusion(60, 2, 1).fuse(keyword, vector)))
        .containsExactly("a", "b");
    assertThat(names(new ReciprocalRankFusion(60, 1, 2).fuse(keyword, vector)))
        .containsExactly("b", "a");
  }

  @Test
  void convexCombinationNormalisesEachListAndWeighsWithAlpha() {
    // keyword scores 10, 9, 8 → 1, 0.5, 0; vector scores 0.9, 0.8 → 1, 0.
    List<ScoredChunk> keyword = hits(10, "a", "b", "c");
    List<ScoredChunk> vector =
        List.of(new ScoredChunk(chunk("c"), 0.9f), new ScoredChunk(chunk("a"), 0.8f));

    List<ScoredChunk> keywordHeavy = new ConvexCombinationFusion(0.2).fuse(keyword, vector);
    List<ScoredChunk> vectorHeavy = new ConvexCombinationFusion(0.8).fuse(keyword, vector);

    assertThat(names(keywordHeavy)).containsExactly("a", "b", "c");
    assertThat(keywordHeavy.getFirst().score()).isCloseTo(0.8f, within(1e-6f));
    assertThat(names(vectorHeavy)).containsExactly("c", "a", "b");
    assertThat(vectorHeavy.getFirst().score()).isCloseTo(0.8f, within(1e-6f));
  }

  @Test
  void rejectsBadParameters() {
    assertThatThrownBy(() -> new ReciprocalRankFusion(-1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReciprocalRankFusion(60, -1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ConvexCombinationFusion(1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

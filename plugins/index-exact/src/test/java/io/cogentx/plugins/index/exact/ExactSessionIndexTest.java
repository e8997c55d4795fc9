package io.cogentx.plugins.index.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.IndexBackend;
import io.cogentx.spi.IndexSpec;
import io.cogentx.spi.ScoredChunk;
import io.cogentx.spi.SessionIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExactSessionIndexTest {

  private static final int DIM = 16;

  private final SessionIndex index = new ExactIndexBackend().open(IndexSpec.inMemory("test", DIM));

  @AfterEach
  void closeIndex() throws Exception {
    index.close();
  }

  @Test
  void isFoundByServiceLoaderUnderItsName() {
    assertThat(ServiceLoader.load(IndexBackend.class).stream().map(p -> p.get().name()))
        .contains("exact");
  }

  @Test
  void vectorSearchReturnsTheNearestChunksBestFirstWithCosineScores() throws Exception {
    List<Chunk> chunks = new ArrayList<>();
    float[][] vectors = new float[DIM][];
    for (int i = 0; i < DIM; i++) {
      chunks.add(chunk("doc" + (i % 3), i, "text " + i));
      vectors[i] = nearAxis(i, 0.1f);
    }
    index.add(chunks, vectors);

    List<ScoredChunk> hits = index.vectorSearch(nearAxis(5, 0.05f), 3);

    assertThat(hits).hasSize(3);
    assertThat(hits.get(0).chunk()).isEqualTo(chunks.get(5));
    assertThat(hits.get(0).score()).isBetween(0.9f, 1.0001f);
    assertThat(hits).isSortedAccordingTo(Comparator.comparing(ScoredChunk::score).reversed());
  }

  @Test
  void vectorSearchIsExactAgainstADoublePrecisionReference() throws Exception {
    Random random = new Random(42);
    int n = 2_000;
    float[][] vectors = new float[n][];
    List<Chunk> chunks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      vectors[i] = randomUnit(random);
      chunks.add(chunk("d" + i, 0, "t"));
    }
    index.add(chunks, vectors);
    for (int q = 0; q < 20; q++) {
      float[] query = randomUnit(random);
      List<Integer> expected =
          IntStream.range(0, n)
              .boxed()
              .sorted(Comparator.comparingDouble(i -> -dotDouble(query, vectors[i])))
              .limit(10)
              .toList();
      List<Integer> actual =
          index.vectorSearch(query, 10).stream()
              .map(h -> Integer.parseInt(h.chunk().documentId().substring(1)))
              .toList();
      assertThat(actual).isEqualTo(expected);
    }
  }

  @Test
  void keywordSearchRanksTheChunkWithTheRareTermFirst() throws Exception {
    index.add(
        List.of(
            chunk("a", 0, "The cell divides and the cell grows."),
            chunk(
                "b", 0, "A cell membrane protects the cell; the zygote forms after fertilisation."),
            chunk("c", 0, "Cell biology studies the cell and its parts.")),
        vectors(3));

    List<ScoredChunk> hits = index.keywordSearch("cell zygote", 3);

    assertThat(hits).hasSize(3);
    assertThat(hits.get(0).chunk().documentId()).isEqualTo("b");
    assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
  }

  @Test
  void keywordSearchIgnoresCaseAndPunctuationAndFindsNothingForStopWords() throws Exception {
    index.add(List.of(chunk("a", 0, "Quantum-ENTANGLEMENT, explained.")), vectors(1));

    assertThat(index.keywordSearch("entanglement?", 5)).hasSize(1);
    assertThat(index.keywordSearch("the and of", 5)).isEmpty();
    assertThat(index.keywordSearch("", 5)).isEmpty();
    assertThat(index.keywordSearch("unrelated", 5)).isEmpty();
  }

  @Test
  void documentFrequenciesCountTheLiveChunksHoldingEachWordAsKeywordSearchMatchesIt()
      throws Exception {
    index.add(
        List.of(
            chunk("a", 0, "Quantum entanglement, explained."),
            chunk("b", 0, "ENTANGLEMENT again."),
            chunk("c", 0, "Quantum dots.")),
        vectors(3));

    // case and punctuation ignored; stop words and unseen words count 0
    assertThat(index.documentFrequencies(List.of("entanglement?", "quantum", "the", "platypus")))
        .containsExactly(2, 2, 0, 0);
    // several terms in one word: the chunks holding any of them
    assertThat(index.documentFrequencies(List.of("dots-again"))).containsExactly(2);
    assertThat(index.documentFrequencies(List.of())).isEmpty();

    index.deleteDocument("b");
    assertThat(index.documentFrequencies(List.of("entanglement", "again"))).containsExactly(1, 0);
  }

  @Test
  void deleteDocumentRemovesOnlyThatDocument() throws Exception {
    index.add(
        List.of(chunk("a", 0, "alpha one"), chunk("a", 1, "alpha two"), chunk("b", 0, "beta")),
        new float[][] {nearAxis(0, 0), nearAxis(1, 0), nearAxis(2, 0)});

    assertThat(index.deleteDocument("a")).isEqualTo(2);

    assertThat(index.size()).isEqualTo(1);
    assertThat(index.keywordSearch("alpha", 5)).isEmpty();
    assertThat(index.keywordSearch("beta", 5))
        .extracting(h -> h.chunk().documentId())
        .contains("b");
    assertThat(index.vectorSearch(nearAxis(0, 0), 5))
        .extracting(h -> h.chunk().documentId())
        .containsExactly("b");
    assertThat(index.deleteDocument("a")).isZero();
  }

  @Test
  void searchesStayCorrectAfterManyDeletesCompactTheStorage() throws Exception {
    Random random = new Random(7);
    List<Chunk> chunks = new ArrayList<>();
    float[][] vectors = new float[200][];
    for (int i = 0; i < 200; i++) {
      chunks.add(chunk("doc" + (i / 20), i % 20, "word" + i + " shared"));
      vectors[i] = randomUnit(random);
    }
    index.add(chunks, vectors);
    for (int d = 0; d < 7; d++) {
      assertThat(index.deleteDocument("doc" + d)).isEqualTo(20);
    }

    assertThat(index.size()).isEqualTo(60);
    for (int i = 140; i < 200; i++) {
      assertThat(index.vectorSearch(vectors[i], 1).get(0).chunk()).isEqualTo(chunks.get(i));
      assertThat(index.keywordSearch("word" + i, 1).get(0).chunk()).isEqualTo(chunks.get(i));
    }
    assertThat(index.keywordSearch("word5", 5)).isEmpty();
    assertThat(index.keywordSearch("shared", 100)).hasSize(60);
  }

  @Test
  void sizeAndRamBytesUsedFollowTheContent() throws Exception {
    long empty = index.ramBytesUsed();
    assertThat(index.size()).isZero();

    index.add(
        List.of(chunk("a", 0, "x".repeat(1000)), chunk("a", 1, "y".repeat(1000))), vectors(2));

    assertThat(index.size()).isEqualTo(2);
    assertThat(index.ramBytesUsed()).isGreaterThan(empty + 2_000).isLessThan(empty + 20_000);
  }

  @Test
  void wrongVectorDimensionIsRejectedNamingBothDimensions() {
    assertThatThrownBy(() -> index.add(List.of(chunk("a", 0, "t")), new float[][] {new float[3]}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3")
        .hasMessageContaining(String.valueOf(DIM));
    assertThatThrownBy(() -> index.vectorSearch(new float[DIM + 1], 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.valueOf(DIM + 1))
        .hasMessageContaining(String.valueOf(DIM));
    assertThat(index.size()).isZero();
  }

  @Test
  void hostileQueryStringsNeverThrow() throws Exception {
    index.add(List.of(chunk("a", 0, "field value AND other")), vectors(1));
    for (String q :
        List.of(
            "\"unbalanced",
            "*",
            "?",
            "field:value",
            "AND",
            "OR NOT",
            "(((",
            ")",
            "a~2^3",
            "\\",
            "/regex/",
            "[1 TO 2}",
            "\u0000\uD800",
            "😀 emoji",
            "word ".repeat(5_000))) {
      assertThat(index.keywordSearch(q, 5)).isNotNull();
    }
    assertThat(index.keywordSearch("field:value", 5)).hasSize(1);
  }

  @Test
  void concurrentSearchesDuringAddsSeeConsistentResults() throws Exception {
    index.add(List.of(chunk("anchor", 0, "anchor zebra")), new float[][] {nearAxis(0, 0)});
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> searchers = new ArrayList<>();
      for (int t = 0; t < 7; t++) {
        searchers.add(
            pool.submit(
                () -> {
                  int checks = 0;
                  while (!stop.get() || checks == 0) {
                    assertThat(index.vectorSearch(nearAxis(0, 0), 3).get(0).chunk().documentId())
                        .isEqualTo("anchor");
                    assertThat(index.keywordSearch("zebra", 3))
                        .extracting(h -> h.chunk().documentId())
                        .containsExactly("anchor");
                    checks++;
                  }
                  return checks;
                }));
      }
      Future<?> writer =
          pool.submit(
              () -> {
                Random random = new Random(3);
                for (int d = 0; d < 50; d++) {
                  List<Chunk> batch = new ArrayList<>();
                  float[][] vs = new float[10][];
                  for (int i = 0; i < 10; i++) {
                    batch.add(chunk("doc" + d, i, "filler words " + d));
                    vs[i] = randomFarFromAxis0(random);
                  }
                  index.add(batch, vs);
                  if (d % 5 == 4) {
                    index.deleteDocument("doc" + (d - 2));
                  }
                }
                return null;
              });
      writer.get(30, TimeUnit.SECONDS);
      stop.set(true);
      for (Future<Integer> f : searchers) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isPositive();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(index.size()).isEqualTo(1 + 50 * 10 - 10 * 10);
  }

  @Test
  void closeReleasesTheContentAndLaterCallsFail() throws Exception {
    index.add(List.of(chunk("a", 0, "text")), vectors(1));
    index.close();

    assertThatThrownBy(index::size).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> index.vectorSearch(nearAxis(0, 0), 1))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> index.keywordSearch("text", 1))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> index.add(List.of(chunk("b", 0, "t")), vectors(1)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> index.deleteDocument("a")).isInstanceOf(IllegalStateException.class);
    index.close();
  }

  private static Chunk chunk(String doc, int position, String text) {
    return new Chunk(doc, "Title " + doc, position, text, 0, text.length(), 1, null, null);
  }

  /** Unit vector along axis {@code axis}, tilted by {@code noise} towards the next axis. */
  private static float[] nearAxis(int axis, float noise) {
    float[] v = new float[DIM];
    v[axis % DIM] = 1;
    v[(axis + 1) % DIM] = noise;
    return normalize(v);
  }

  private static float[][] vectors(int n) {
    float[][] out = new float[n][];
    for (int i = 0; i < n; i++) {
      out[i] = nearAxis(i + 3, 0.2f);
    }
    return out;
  }

  private static float[] randomUnit(Random random) {
    float[] v = new float[DIM];
    for (int i = 0; i < DIM; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return normalize(v);
  }

  private static float[] randomFarFromAxis0(Random random) {
    float[] v = randomUnit(random);
    v[0] = -Math.abs(v[0]);
    return normalize(v);
  }

  private static float[] normalize(float[] v) {
    double s = 0;
    for (float x : v) {
      s += x * x;
    }
    float inv = (float) (1 / Math.sqrt(s));
    for (int i = 0; i < v.length; i++) {
      v[i] *= inv;
    }
    return v;
  }

  private static double dotDouble(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }
}

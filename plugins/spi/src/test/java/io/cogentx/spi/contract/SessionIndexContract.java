package io.cogentx.spi.contract;

import static io.cogentx.spi.contract.TestVectors.gaussianUnit;
import static io.cogentx.spi.contract.TestVectors.nearAxis;
import static io.cogentx.spi.contract.TestVectors.normalize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.IndexBackend;
import io.cogentx.spi.IndexBackendProvider;
import io.cogentx.spi.IndexSpec;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.ScoredChunk;
import io.cogentx.spi.SessionIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every index backend must do, whatever it keeps its data in: a backend's test class extends
 * this and names its provider; it gets these tests for free and adds its own. Vectors are {@value
 * #DIM}-dimensional.
 */
public abstract class SessionIndexContract {

  protected static final int DIM = 16;

  protected SessionIndex index;
  private IndexBackend backend;

  /** The backend's provider, as ServiceLoader would create it. */
  protected abstract IndexBackendProvider provider();

  /** Settings the backend is created with (default: none, i.e. its defaults). */
  protected Map<String, String> settings() {
    return Map.of();
  }

  /** Where the index under test lives; in memory unless a backend overrides it. */
  protected IndexSpec spec() {
    return IndexSpec.inMemory("test-model", DIM);
  }

  @BeforeEach
  void openIndex() throws Exception {
    backend = provider().create(PluginContext.of(settings()));
    index = backend.open(spec());
  }

  @AfterEach
  void closeIndex() throws Exception {
    index.close();
    backend.close();
  }

  @Test
  void providerIsFoundByServiceLoaderUnderItsName() {
    assertThat(ServiceLoader.load(IndexBackendProvider.class).stream().map(p -> p.get().name()))
        .contains(provider().name());
  }

  @Test
  void openedIndexKeepsItsSpec() {
    assertThat(index.spec().embeddingModel()).isEqualTo("test-model");
    assertThat(index.spec().dimension()).isEqualTo(DIM);
  }

  @Test
  void keywordSearchIgnoresCaseAndPunctuationAndFindsNothingForStopWordsOnly() throws Exception {
    index.add(
        List.of(chunk("a", 0, "Zebras, RUNNING fast!"), chunk("b", 0, "Nothing here.")),
        vectors(2));

    assertThat(index.keywordSearch("zebras running?", 5))
        .extracting(h -> h.chunk().documentId())
        .containsExactly("a");
    assertThat(index.keywordSearch("the and of", 5)).isEmpty();
    assertThat(index.keywordSearch("", 5)).isEmpty();
    assertThat(index.keywordSearch("   ?!  ", 5)).isEmpty();
  }

  @Test
  void vectorSearchReturnsTheNearestChunksBestFirstWithCosineScores() throws Exception {
    List<Chunk> chunks = new ArrayList<>();
    float[][] vectors = new float[DIM][];
    for (int i = 0; i < DIM; i++) {
      chunks.add(chunk("doc" + (i % 3), i, "text " + i));
      vectors[i] = nearAxis(DIM, i, 0.1f);
    }
    index.add(chunks, vectors);

    List<ScoredChunk> hits = index.vectorSearch(nearAxis(DIM, 5, 0.05f), 3);

    assertThat(hits).hasSize(3);
    assertThat(hits.get(0).chunk()).isEqualTo(chunks.get(5));
    assertThat(hits.get(0).score()).isBetween(0.99f, 1.0001f);
    assertThat(hits.get(1).score()).isLessThan(0.2f);
    assertThat(hits).isSortedAccordingTo(Comparator.comparing(ScoredChunk::score).reversed());
  }

  @Test
  void vectorsNeedNotBeNormalised() throws Exception {
    float[] v = nearAxis(DIM, 2, 0);
    float[] scaled = v.clone();
    for (int i = 0; i < DIM; i++) {
      scaled[i] *= 7;
    }
    index.add(
        List.of(chunk("a", 0, "t"), chunk("b", 0, "t")),
        new float[][] {scaled, nearAxis(DIM, 9, 0)});

    List<ScoredChunk> hits = index.vectorSearch(v, 1);

    assertThat(hits.get(0).chunk().documentId()).isEqualTo("a");
    assertThat(hits.get(0).score()).isBetween(0.999f, 1.0001f);
  }

  @Test
  void listsEveryChunkHeldWithItsUnitVectorAndCountsADocumentsChunks() throws Exception {
    Chunk a0 = new Chunk("a", "A", 0, "first of a", 0, 10, 3, null, null, null);
    Chunk a1 = chunk("a", 1, "second of a");
    Chunk b0 = new Chunk("b", null, 0, "only b", 0, 6, null, 1.5, 2.5, null);
    float[] scaled = nearAxis(DIM, 3, 0.2f).clone();
    for (int i = 0; i < DIM; i++) {
      scaled[i] *= 3;
    }
    index.add(
        List.of(a0, a1, b0), new float[][] {nearAxis(DIM, 1, 0), scaled, nearAxis(DIM, 5, 0)});
    index.deleteDocument("b");
    index.add(List.of(b0), new float[][] {nearAxis(DIM, 7, 0)});

    Map<Chunk, float[]> listed = new java.util.HashMap<>();
    index.forEachChunk((chunk, vector) -> listed.put(chunk, vector.clone()));

    assertThat(listed).containsOnlyKeys(a0, a1, b0);
    assertThat(listed.get(a1)).containsExactly(nearAxis(DIM, 3, 0.2f), within(1e-6f));
    assertThat(listed.get(b0)).containsExactly(nearAxis(DIM, 7, 0), within(1e-6f));
    int a = index.chunkCount("a");
    if (a >= 0) { // -1: this backend cannot tell
      assertThat(a).isEqualTo(2);
      assertThat(index.chunkCount("b")).isEqualTo(1);
      assertThat(index.chunkCount("none")).isZero();
    }
  }

  @Test
  void searchesReturnAtMostTheChunksHeldAndNothingForKZero() throws Exception {
    index.add(List.of(chunk("a", 0, "apple"), chunk("a", 1, "apple pie")), vectors(2));

    assertThat(index.vectorSearch(nearAxis(DIM, 0, 0), 50)).hasSize(2);
    assertThat(index.keywordSearch("apple", 50)).hasSize(2);
    assertThat(index.vectorSearch(nearAxis(DIM, 0, 0), 0)).isEmpty();
    assertThat(index.keywordSearch("apple", 0)).isEmpty();
  }

  @Test
  void emptyIndexFindsNothing() throws Exception {
    assertThat(index.vectorSearch(nearAxis(DIM, 0, 0), 5)).isEmpty();
    assertThat(index.keywordSearch("anything", 5)).isEmpty();
    assertThat(index.size()).isZero();
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
    // exactly as keyword search matches each word
    List<String> words = List.of("quantum", "explained", "dots", "entanglement", "zebra");
    int[] frequencies = index.documentFrequencies(words);
    for (int w = 0; w < words.size(); w++) {
      assertThat(frequencies[w])
          .as(words.get(w))
          .isEqualTo(index.keywordSearch(words.get(w), 100).size());
    }

    index.deleteDocument("b");
    assertThat(index.documentFrequencies(List.of("entanglement", "again"))).containsExactly(1, 0);
  }

  @Test
  void aChunkAddedWithoutItsVectorIsFoundByKeywordAtOnceAndByVectorOnceEmbedded() throws Exception {
    Chunk early = chunk("d", 0, "lighthouse keeper trims wicks");
    Chunk other = chunk("e", 0, "bees dance");
    index.add(List.of(early, other), new float[][] {null, nearAxis(DIM, 7, 0)});

    assertThat(index.size()).isEqualTo(2);
    assertThat(index.keywordSearch("lighthouse", 5))
        .extracting(ScoredChunk::chunk)
        .containsExactly(early);
    assertThat(index.vectorSearch(nearAxis(DIM, 2, 0), 5))
        .extracting(ScoredChunk::chunk)
        .containsExactly(other);

    index.addVectors(List.of(early), new float[][] {nearAxis(DIM, 2, 0)});

    assertThat(index.size()).isEqualTo(2);
    assertThat(index.vectorSearch(nearAxis(DIM, 2, 0), 1).get(0).chunk()).isEqualTo(early);
    assertThat(index.keywordSearch("lighthouse", 5))
        .extracting(ScoredChunk::chunk)
        .containsExactly(early);
    assertThat(index.documentFrequencies(List.of("lighthouse"))).containsExactly(1);
  }

  @Test
  void vectorsForChunksNoLongerHeldAreIgnored() throws Exception {
    Chunk gone = chunk("gone", 0, "temporary words");
    index.add(List.of(gone), new float[][] {null});
    index.deleteDocument("gone");

    index.addVectors(List.of(gone), new float[][] {nearAxis(DIM, 3, 0)});

    assertThat(index.size()).isZero();
    assertThat(index.vectorSearch(nearAxis(DIM, 3, 0), 5)).isEmpty();
    assertThat(index.keywordSearch("temporary", 5)).isEmpty();
  }

  @Test
  void searchesReturnEveryChunkFieldAsAdded() throws Exception {
    Chunk audio =
        new Chunk("rec-1", "Interview", 4, "spoken words", 100, 112, null, 12.5, 14.0, null);
    Chunk pdf = new Chunk("pdf-1", null, 0, "printed words", 0, 13, 7, null, null, null);
    index.add(List.of(audio, pdf), new float[][] {nearAxis(DIM, 0, 0), nearAxis(DIM, 8, 0)});

    assertThat(index.keywordSearch("spoken", 1).get(0).chunk()).isEqualTo(audio);
    assertThat(index.vectorSearch(nearAxis(DIM, 8, 0), 1).get(0).chunk()).isEqualTo(pdf);
  }

  @Test
  void candidatesReadWholeAreTheSearchesHits() throws Exception {
    List<Chunk> chunks = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      chunks.add(
          new Chunk(
              "doc" + (i % 3),
              "Title " + i,
              i,
              "common word " + i,
              0,
              10,
              i,
              null,
              null,
              "p " + i));
    }
    index.add(chunks, vectors(chunks.size()));

    assertThat(index.withText(index.keywordCandidates("common word", 8)))
        .isEqualTo(index.keywordSearch("common word", 8));
    assertThat(index.withText(index.vectorCandidates(nearAxis(DIM, 5, 0), 8)))
        .isEqualTo(index.vectorSearch(nearAxis(DIM, 5, 0), 8));
    List<ScoredChunk> candidates = index.keywordCandidates("common word", 12);
    assertThat(candidates)
        .extracting(h -> h.chunk().id())
        .containsExactlyElementsOf(
            index.keywordSearch("common word", 12).stream().map(h -> h.chunk().id()).toList());

    index.deleteDocument("doc1");
    List<ScoredChunk> whole = index.withText(candidates);
    // a backend that reads chunks back leaves the deleted ones out; the others are all there, whole
    assertThat(whole).allSatisfy(h -> assertThat(chunks).contains(h.chunk()));
    assertThat(whole.stream().filter(h -> !h.chunk().documentId().equals("doc1")).toList())
        .hasSize(8);
  }

  @Test
  void theLocationOfAChunkIsStoredAndReturnedBySearches() throws Exception {
    Chunk slide =
        new Chunk("deck-1", "Deck", 2, "slide words", 40, 51, null, null, null, "slide 2");
    Chunk sheet =
        new Chunk(
            "book-1", "Book", 0, "sheet cells", 0, 11, null, null, null, "sheet Revenue · Q1 ü😀");
    Chunk none = chunk("plain", 0, "plain words");
    index.add(
        List.of(slide, sheet, none),
        new float[][] {nearAxis(DIM, 0, 0), nearAxis(DIM, 8, 0), nearAxis(DIM, 4, 0)});

    assertThat(index.keywordSearch("slide", 1).get(0).chunk().location()).isEqualTo("slide 2");
    assertThat(index.vectorSearch(nearAxis(DIM, 8, 0), 1).get(0).chunk()).isEqualTo(sheet);
    assertThat(index.keywordSearch("plain", 1).get(0).chunk().location()).isNull();
    index.deleteDocument("plain");
    assertThat(index.keywordSearch("sheet", 1).get(0).chunk()).isEqualTo(sheet);
  }

  @Test
  void deleteDocumentRemovesOnlyThatDocument() throws Exception {
    index.add(
        List.of(chunk("a", 0, "alpha one"), chunk("a", 1, "alpha two"), chunk("b", 0, "beta")),
        new float[][] {nearAxis(DIM, 0, 0), nearAxis(DIM, 1, 0), nearAxis(DIM, 2, 0)});

    assertThat(index.deleteDocument("a")).isEqualTo(2);

    assertThat(index.size()).isEqualTo(1);
    assertThat(index.keywordSearch("alpha", 5)).isEmpty();
    assertThat(index.keywordSearch("beta", 5))
        .extracting(h -> h.chunk().documentId())
        .contains("b");
    assertThat(index.vectorSearch(nearAxis(DIM, 0, 0), 5))
        .extracting(h -> h.chunk().documentId())
        .containsExactly("b");
    assertThat(index.deleteDocument("a")).isZero();
    assertThat(index.deleteDocument("never-added")).isZero();
  }

  @Test
  void searchesStayCorrectAfterManyDeletes() throws Exception {
    Random random = new Random(7);
    List<Chunk> chunks = new ArrayList<>();
    float[][] vs = new float[200][];
    for (int i = 0; i < 200; i++) {
      chunks.add(chunk("doc" + (i / 20), i % 20, "word" + i + " shared"));
      vs[i] = gaussianUnit(random, DIM);
    }
    index.add(chunks, vs);
    for (int d = 0; d < 7; d++) {
      assertThat(index.deleteDocument("doc" + d)).isEqualTo(20);
    }

    assertThat(index.size()).isEqualTo(60);
    for (int i = 140; i < 200; i++) {
      assertThat(index.vectorSearch(vs[i], 1).get(0).chunk()).isEqualTo(chunks.get(i));
      assertThat(index.keywordSearch("word" + i, 1).get(0).chunk()).isEqualTo(chunks.get(i));
    }
    assertThat(index.keywordSearch("word5", 5)).isEmpty();
    assertThat(index.keywordSearch("shared", 100)).hasSize(60);
  }

  @Test
  void sizeAndRamBytesUsedFollowTheContent() throws Exception {
    long empty = index.ramBytesUsed();
    List<Chunk> chunks = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      chunks.add(chunk("a", i, ("word" + i + " ").repeat(200)));
    }

    index.add(chunks, vectors(20));

    assertThat(index.size()).isEqualTo(20);
    long full = index.ramBytesUsed();
    assertThat(full - empty).isBetween(20L * 1_000, 20L * 10_000);
  }

  @Test
  void deletingMostDocumentsGivesTheirMemoryBack() throws Exception {
    Random random = new Random(11);
    for (int d = 0; d < 10; d++) {
      List<Chunk> chunks = new ArrayList<>();
      float[][] vs = new float[20][];
      for (int i = 0; i < 20; i++) {
        chunks.add(chunk("doc" + d, i, ("text of document " + d + " part " + i + " ").repeat(20)));
        vs[i] = gaussianUnit(random, DIM);
      }
      index.add(chunks, vs);
    }
    long full = index.ramBytesUsed();

    for (int d = 0; d < 8; d++) {
      index.deleteDocument("doc" + d);
    }

    assertThat(index.size()).isEqualTo(40);
    assertThat(index.ramBytesUsed()).isLessThan(full / 2);
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
  void mismatchedChunkAndVectorCountsAreRejected() {
    assertThatThrownBy(() -> index.add(List.of(chunk("a", 0, "t")), vectors(2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> index.add(List.of(chunk("a", 0, "t")), new float[][] {new float[DIM]}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hostileQueryStringsNeverThrow() throws Exception {
    index.add(List.of(chunk("a", 0, "field value AND other")), vectors(1));
    List<String> queries =
        new ArrayList<>(
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
                "+-!{}^~",
                "\u0000\uD800",
                "😀 emoji",
                "word ".repeat(5_000)));
    StringBuilder manyTerms = new StringBuilder();
    for (int i = 0; i < 3_000; i++) {
      manyTerms.append("t").append(i).append(' ');
    }
    queries.add(manyTerms.toString());
    for (String q : queries) {
      assertThat(index.keywordSearch(q, 5)).isNotNull();
    }
    assertThat(index.keywordSearch("field:value", 5)).hasSize(1);
    assertThat(index.keywordSearch("\"field AND", 5)).hasSize(1);
  }

  @Test
  void concurrentSearchesDuringAddsAndDeletesSeeConsistentResults() throws Exception {
    index.add(List.of(chunk("anchor", 0, "anchor zebra")), new float[][] {nearAxis(DIM, 0, 0)});
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
                    assertThat(
                            index.vectorSearch(nearAxis(DIM, 0, 0), 3).get(0).chunk().documentId())
                        .isEqualTo("anchor");
                    assertThat(index.keywordSearch("zebra", 3))
                        .extracting(h -> h.chunk().documentId())
                        .containsExactly("anchor");
                    assertThat(index.keywordSearch("filler", 1000).size() % 10)
                        .as("a search sees whole batches only")
                        .isZero();
                    checks++;
                  }
                  return checks;
                }));
      }
      Future<?> writer =
          pool.submit(
              () -> {
                Random random = new Random(3);
                for (int d = 0; d < 30; d++) {
                  List<Chunk> batch = new ArrayList<>();
                  float[][] vs = new float[10][];
                  for (int i = 0; i < 10; i++) {
                    batch.add(chunk("doc" + d, i, "filler words marker" + d));
                    vs[i] = awayFromAxis0(random);
                  }
                  index.add(batch, vs);
                  assertThat(index.keywordSearch("marker" + d, 1))
                      .extracting(h -> h.chunk().documentId())
                      .containsExactly("doc" + d);
                  if (d % 5 == 4) {
                    index.deleteDocument("doc" + (d - 2));
                  }
                }
                return null;
              });
      writer.get(60, TimeUnit.SECONDS);
      stop.set(true);
      for (Future<Integer> f : searchers) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isPositive();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(index.size()).isEqualTo(1 + 30 * 10 - 6 * 10);
  }

  @Test
  void closeReleasesTheIndexAndLaterCallsFail() throws Exception {
    index.add(List.of(chunk("a", 0, "text")), vectors(1));
    index.close();

    assertThatThrownBy(index::size).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(index::ramBytesUsed).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> index.vectorSearch(nearAxis(DIM, 0, 0), 1))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> index.keywordSearch("text", 1))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> index.add(List.of(chunk("b", 0, "t")), vectors(1)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> index.deleteDocument("a")).isInstanceOf(IllegalStateException.class);
    index.close(); // idempotent
  }

  public static Chunk chunk(String doc, int position, String text) {
    return new Chunk(doc, "Title " + doc, position, text, 0, text.length(), 1, null, null, null);
  }

  protected static float[][] vectors(int n) {
    float[][] out = new float[n][];
    for (int i = 0; i < n; i++) {
      out[i] = nearAxis(DIM, i + 3, 0.2f);
    }
    return out;
  }

  private static float[] awayFromAxis0(Random random) {
    float[] v = gaussianUnit(random, DIM);
    v[0] = -Math.abs(v[0]);
    return normalize(v);
  }
}

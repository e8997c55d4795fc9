package io.cogentx.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.IndexBackend;
import io.cogentx.spi.IndexSpec;
import io.cogentx.spi.ScoredChunk;
import io.cogentx.spi.SegmentSink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ingest → search path with the real loaders and the exact index backend (found by
 * ServiceLoader, as in the server) and a stand-in embedder.
 */
class IngestAndSearchTest {

  private static final SegmentSink QUIET = s -> {};

  private final HashingEmbedder embedder = new HashingEmbedder("test-model", 64);
  private KnowledgeBase kb;
  private Ingestor ingestor;
  private Retriever retriever;

  @BeforeEach
  void setUp() throws IOException {
    kb = new KnowledgeBase(backend("exact").open(IndexSpec.inMemory("test-model", 64)));
    ingestor = ingestor(new Ingestor.Limits(3, 1_000));
    retriever = new Retriever(embedder);
  }

  @AfterEach
  void tearDown() throws IOException {
    kb.close();
  }

  @Test
  void ingestedTextIsFoundInEveryMode() throws Exception {
    DocumentInfo lighthouse = add("lighthouse.txt", "The keeper trimmed the wicks at dusk.");
    add("bees.txt", "Honey bees communicate by a waggle dance.");

    for (SearchMode mode : SearchMode.values()) {
      List<ScoredChunk> hits = retriever.search(kb.index(), "keeper wicks dusk", 2, mode);
      assertThat(hits).as(mode.label()).isNotEmpty();
      assertThat(hits.get(0).chunk().documentId()).as(mode.label()).isEqualTo(lighthouse.id());
    }
    assertThat(lighthouse.title()).isEqualTo("lighthouse.txt");
    assertThat(lighthouse.loader()).isEqualTo("text");
  }

  @Test
  void deleteRemovesOnlyThatDocument() throws Exception {
    DocumentInfo a = add("a.txt", "Alpha particles and gamma rays.");
    DocumentInfo b = add("b.txt", "Beta decay emits electrons.");

    assertThat(kb.remove(a.id())).contains(a);
    assertThat(kb.remove(a.id())).isEmpty();

    assertThat(kb.documents()).containsExactly(b);
    assertThat(kb.chunkCount()).isEqualTo(b.chunks());
    assertThat(retriever.search(kb.index(), "alpha gamma", 5, SearchMode.KEYWORD)).isEmpty();
  }

  @Test
  void failedUploadLeavesTheSessionAsItWas() throws Exception {
    DocumentInfo kept = add("kept.txt", "Kept safe.");

    assertThatThrownBy(() -> add("blank.txt", "   \n\n  "))
        .isInstanceOf(DocumentException.class)
        .extracting(e -> ((DocumentException) e).reason())
        .isEqualTo(DocumentException.Reason.EMPTY);
    assertThatThrownBy(() -> add("photo.png", "x", "image/png"))
        .isInstanceOf(DocumentException.class)
        .hasMessageContaining(".md")
        .hasMessageContaining(".txt");

    assertThat(kb.documents()).containsExactly(kept);
  }

  @Test
  void quotasOnDocumentsAndChunks() throws Exception {
    add("1.txt", "One.");
    add("2.txt", "Two.");
    add("3.txt", "Three.");
    assertThatThrownBy(() -> add("4.txt", "Four."))
        .isInstanceOf(QuotaExceededException.class)
        .hasMessageContaining("maximum of 3 documents");

    Ingestor tight = ingestor(new Ingestor.Limits(10, 4));
    KnowledgeBase small =
        new KnowledgeBase(backend("exact").open(IndexSpec.inMemory("test-model", 64)));
    String longText = "A sentence with five words. ".repeat(200);
    assertThatThrownBy(() -> tight.ingest(small, upload("long.txt", longText, "text/plain"), QUIET))
        .isInstanceOf(QuotaExceededException.class)
        .hasMessageContaining("maximum of 4");
    assertThat(small.documentCount()).isZero();
    small.close();
  }

  @Test
  void embeddingProgressCountsChunksAndACancelStopsAtTheNextSliceAddingNothing() throws Exception {
    DocumentInfo kept = add("kept.txt", "Kept safe.");
    String longText = "A sentence with five words. ".repeat(1_000);
    List<String> progress = new ArrayList<>();
    SegmentSink cancelAfterFirstSlice =
        new SegmentSink() {
          @Override
          public void accept(io.cogentx.spi.Segment segment) {}

          @Override
          public void progress(String stage, int done, int total) {
            progress.add(stage + " " + done + "/" + total);
          }

          @Override
          public boolean cancelled() {
            return progress.stream().anyMatch(p -> p.startsWith("embedding 32/"));
          }
        };

    assertThatThrownBy(
            () ->
                ingestor.ingest(
                    kb, upload("long.txt", longText, "text/plain"), cancelAfterFirstSlice))
        .isInstanceOf(IngestCancelledException.class);

    assertThat(progress).contains("chunking 0/1").anyMatch(p -> p.matches("embedding 0/\\d+"));
    String last = progress.getLast();
    assertThat(last).startsWith("embedding 32/");
    assertThat(Integer.parseInt(last.replaceAll(".*/", "")))
        .isGreaterThan(Ingestor.EMBEDDING_SLICE);
    assertThat(kb.documents()).containsExactly(kept);
    assertThat(kb.chunkCount()).isEqualTo(kept.chunks());
  }

  @Test
  void anIndexOfAnotherModelIsNeverMixedAndTheErrorNamesBoth() throws Exception {
    KnowledgeBase other =
        new KnowledgeBase(backend("exact").open(IndexSpec.inMemory("other-model", 32)));

    assertThatThrownBy(() -> ingestor.ingest(other, upload("x.txt", "text", "text/plain"), QUIET))
        .isInstanceOf(EmbeddingMismatchException.class)
        .hasMessageContaining("other-model")
        .hasMessageContaining("test-model")
        .hasMessageContaining("32")
        .hasMessageContaining("64");
    assertThatThrownBy(() -> retriever.search(other.index(), "q", 3, SearchMode.VECTOR))
        .isInstanceOf(EmbeddingMismatchException.class);
    other.close();
  }

  @Test
  void hybridFusesBothRankings() throws Exception {
    add("exact.txt", "Quantum chromodynamics describes the strong interaction.");
    add("near.txt", "Gluons bind quarks inside protons.");

    List<ScoredChunk> hybrid = retriever.search(kb.index(), "chromodynamics", 2, SearchMode.HYBRID);
    List<ScoredChunk> keyword =
        retriever.search(kb.index(), "chromodynamics", 2, SearchMode.KEYWORD);

    assertThat(hybrid).hasSize(2);
    assertThat(hybrid.get(0).chunk().id()).isEqualTo(keyword.get(0).chunk().id());
  }

  @Test
  void questionsAreEmbeddedAsQueriesNotAsPassages() throws Exception {
    // An asymmetric model (BGE) embeds a query differently from a passage with the same words;
    // this stand-in makes the difference total, so only embedQuery's vector finds the lighthouse.
    HashingEmbedder asymmetric =
        new HashingEmbedder("test-model", 64) {
          @Override
          public float[] embedQuery(String query) {
            return embed("keeper wicks dusk");
          }
        };
    Retriever withQueries = new Retriever(asymmetric);
    DocumentInfo lighthouse = add("lighthouse.txt", "The keeper trimmed the wicks at dusk.");
    add("bees.txt", "Honey bees communicate by a waggle dance.");

    assertThat(withQueries.search(kb.index(), "waggle", 1, SearchMode.VECTOR))
        .extracting(hit -> hit.chunk().documentId())
        .containsExactly(lighthouse.id());
    for (SearchMode mode : SearchMode.values()) {
      assertThat(withQueries.retrieve(kb.index(), "waggle", 1, mode).vector())
          .as(mode.label())
          .first()
          .extracting(hit -> hit.chunk().documentId())
          .isEqualTo(lighthouse.id());
    }
  }

  @Test
  void emptyQueryOrIndexFindsNothing() throws Exception {
    assertThat(retriever.search(kb.index(), "anything", 5, SearchMode.HYBRID)).isEmpty();
    add("a.txt", "Something.");
    assertThat(retriever.search(kb.index(), "   ", 5, SearchMode.HYBRID)).isEmpty();
  }

  private DocumentInfo add(String name, String text) throws Exception {
    return add(name, text, "text/plain");
  }

  private DocumentInfo add(String name, String text, String type) throws Exception {
    return ingestor.ingest(kb, upload(name, text, type), QUIET);
  }

  private static Upload upload(String name, String text, String type) {
    return new Upload(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        name,
        type,
        null,
        Map.of());
  }

  private Ingestor ingestor(Ingestor.Limits limits) {
    List<DocumentLoader> loaders =
        ServiceLoader.load(DocumentLoader.class).stream().map(ServiceLoader.Provider::get).toList();
    return new Ingestor(
        new Loaders(loaders),
        embedder,
        new Chunker(embedder::countTokens, 40, 8),
        limits,
        Clock.systemUTC());
  }

  private static IndexBackend backend(String name) {
    return ServiceLoader.load(IndexBackend.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(b -> b.name().equals(name))
        .findFirst()
        .orElseThrow();
  }
}

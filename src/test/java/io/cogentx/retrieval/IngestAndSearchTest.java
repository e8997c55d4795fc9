package io.cogentx.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cogentx.session.SessionId;
import io.cogentx.session.TestStorage;
import io.cogentx.spi.Chunk;
import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.DocumentLoaderProvider;
import io.cogentx.spi.IndexBackend;
import io.cogentx.spi.IndexBackendProvider;
import io.cogentx.spi.IndexSpec;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.LoadResult;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.Progress;
import io.cogentx.spi.ScoredChunk;
import io.cogentx.spi.Segment;
import io.cogentx.spi.SegmentSink;
import io.cogentx.spi.SessionRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest → search path with the real loaders and the exact index backend (found by
 * ServiceLoader, as in the server) and a stand-in embedder.
 */
class IngestAndSearchTest {

  private static final Progress QUIET = Progress.NONE;

  private final HashingEmbedder embedder = new HashingEmbedder("test-model", 64);
  private final Loaders loaders = loaders();
  @TempDir Path dir;
  private KnowledgeBase kb;
  private Ingestor ingestor;
  private Retriever retriever;

  @BeforeEach
  void setUp() throws Exception {
    kb = knowledgeBase("test-model", 64, "session");
    ingestor = ingestor(1_000);
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
    assertThatThrownBy(() -> add("photo.png", "\u0089PNG\r\n\u001a\n", "image/png"))
        .isInstanceOf(DocumentException.class)
        .hasMessageContaining(".md")
        .hasMessageContaining(".txt");

    assertThat(kb.documents()).containsExactly(kept);
  }

  @Test
  void theUploadedFileIsKeptWithItsDocumentAndDeletedWithIt() throws Exception {
    DocumentInfo a = add("a.txt", "Alpha particles and gamma rays.");

    try (var in = kb.file(a.id()).orElseThrow().open(0)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII))
          .isEqualTo("Alpha particles and gamma rays.");
    }
    assertThat(a.fileSize()).isEqualTo(31);

    kb.remove(a.id());
    assertThat(kb.file(a.id())).isEmpty();
  }

  @Test
  void aQuotaOnChunksAddsNothing() throws Exception {
    Ingestor tight = ingestor(4);
    KnowledgeBase small = knowledgeBase("test-model", 64, "small");
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
    Progress cancelAfterFirstSlice =
        new Progress() {
          @Override
          public void report(String stage, int done, int total) {
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

    assertThat(progress).anyMatch(p -> p.matches("embedding 0/\\d+"));
    String last = progress.getLast();
    assertThat(last).startsWith("embedding 32/");
    assertThat(Integer.parseInt(last.replaceAll(".*/", "")))
        .isGreaterThan(Ingestor.EMBEDDING_SLICE);
    assertThat(kb.documents()).containsExactly(kept);
    assertThat(kb.chunkCount()).isEqualTo(kept.chunks());
  }

  @Test
  void anIndexOfAnotherModelIsNeverMixedAndTheErrorNamesBoth() throws Exception {
    KnowledgeBase other = knowledgeBase("other-model", 32, "other");

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

  /**
   * The ferry document added in the background, held after its second page (so page 1's chunks are
   * final and keyword-searchable, not yet embedded) until {@link #finish()}.
   */
  private final class HeldUpload implements AutoCloseable {
    private final CountDownLatch pageOneRead = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final Future<DocumentInfo> adding;

    HeldUpload() throws Exception {
      DocumentLoader threePages =
          new StubLoader(
              (sink, progress) -> {
                sink.accept(Segment.onPage(1, "The ferry to Skerryvore leaves at dawn."));
                sink.accept(Segment.onPage(2, "Page two talks about gulls."));
                pageOneRead.countDown(); // page 1's chunks are final once page 2 began
                await(released);
                sink.accept(Segment.onPage(3, "Page three: the lamp is lit at dusk."));
              });
      adding = pool.submit(() -> ingestor.ingest(kb, stubUpload("ferry.pdf", threePages), QUIET));
      await(pageOneRead);
      awaitUntil(
          () -> !retriever.search(kb.index(), "ferry Skerryvore", 3, SearchMode.KEYWORD).isEmpty());
    }

    DocumentInfo finish() throws Exception {
      released.countDown();
      return adding.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      released.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void aDocumentIsSearchableByKeywordWhileItIsReadAndByVectorWhileItIsEmbedded() throws Exception {
    try (HeldUpload upload = new HeldUpload()) {
      assertThat(kb.documents()).as("not listed before it is complete").isEmpty();
      assertThat(kb.indexing()).hasValueSatisfying(i -> assertThat(i.documents()).isEqualTo(1));
      assertThat(retriever.search(kb.index(), "ferry Skerryvore", 3, SearchMode.VECTOR))
          .as("not embedded yet")
          .isEmpty();
      assertThat(retriever.search(kb.index(), "lamp dusk", 3, SearchMode.KEYWORD))
          .as("page 3 not read yet")
          .isEmpty();

      DocumentInfo added = upload.finish();
      assertThat(kb.documents()).containsExactly(added);
      assertThat(kb.indexing()).isEmpty();
      assertThat(retriever.search(kb.index(), "lamp dusk", 3, SearchMode.VECTOR)).isNotEmpty();
    }
  }

  @Test
  void aQuestionAskedWhileItsPassageWaitsForItsVectorGetsThatPassagesSimilarityAtOnce()
      throws Exception {
    try (HeldUpload upload = new HeldUpload()) {
      Chunk ferry =
          retriever.search(kb.index(), "ferry Skerryvore", 1, SearchMode.KEYWORD).get(0).chunk();
      assertThat(kb.embedded(ferry)).as("not embedded yet").isFalse();

      Retriever.Retrieval asIndexed =
          retriever.retrieve(kb.index(), "ferry Skerryvore", 3, SearchMode.HYBRID);
      Retriever.Retrieval withWaiting =
          retriever.retrieve(kb.index(), "ferry Skerryvore", 3, SearchMode.HYBRID, kb::embedded);

      assertThat(asIndexed.bestCosine()).isZero();
      float[] query = embedder.embedQuery("ferry Skerryvore");
      float[] passage = embedder.embed(List.of(ferry.text()))[0];
      assertThat(withWaiting.vector()).extracting(h -> h.chunk().id()).contains(ferry.id());
      assertThat(withWaiting.bestCosine()).isCloseTo(cosine(query, passage), within(1e-5));
      assertThat(withWaiting.hits().get(0).chunk().id()).isEqualTo(ferry.id());
      upload.finish();
      assertThat(kb.embedded(ferry)).isTrue();
    }
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  @Test
  void aDocumentThatFailsWhileBeingReadLeavesNothingSearchable() throws Exception {
    DocumentLoader breaks =
        new StubLoader(
            (sink, progress) -> {
              sink.accept(Segment.onPage(1, "Half a document about lighthouses."));
              sink.accept(Segment.onPage(2, "More about lighthouses."));
              throw new DocumentException(DocumentException.Reason.DAMAGED, "Page 3 is damaged.");
            });
    assertThatThrownBy(() -> ingestor.ingest(kb, stubUpload("broken.pdf", breaks), QUIET))
        .isInstanceOf(DocumentException.class);
    assertThat(kb.chunkCount()).isZero();
    assertThat(kb.indexing()).isEmpty();
    assertThat(retriever.search(kb.index(), "lighthouses", 5, SearchMode.KEYWORD)).isEmpty();
  }

  /** A loader whose reading the test scripts. */
  private record StubLoader(Script script) implements DocumentLoader {
    interface Script {
      void run(SegmentSink sink, Progress progress) throws DocumentException;
    }

    @Override
    public Set<String> mediaTypes() {
      return Set.of("application/x-test");
    }

    @Override
    public Set<String> fileExtensions() {
      return Set.of("test");
    }

    @Override
    public LoadResult load(LoadRequest request, SegmentSink sink, Progress progress)
        throws DocumentException {
      script.run(sink, progress);
      return LoadResult.titled(null);
    }
  }

  private Upload stubUpload(String name, DocumentLoader loader) throws IOException {
    Path file = Files.writeString(Files.createTempFile(dir, "upload-", ".bin"), "x");
    return new Upload(
        file,
        1,
        name,
        new Loaders.Choice(new Loaders.Named("stub", loader), "application/x-test"),
        null,
        Map.of());
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static void awaitUntil(java.util.concurrent.Callable<Boolean> condition)
      throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!condition.call()) {
      assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /** As the server takes an upload: stored in a file, its loader chosen from the content. */
  private Upload upload(String name, String text, String type) throws Exception {
    Path file = Files.createTempFile(dir, "upload-", ".bin");
    Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1)); // ASCII texts, or raw bytes
    return new Upload(
        file, Files.size(file), name, loaders.choose(file, name, type), null, Map.of());
  }

  private KnowledgeBase knowledgeBase(String model, int dimension, String name) throws Exception {
    return KnowledgeBase.open(
        TestStorage.memory().open(new SessionRef(SessionId.random().value()), Instant.now()),
        backend("exact"),
        IndexSpec.inMemory(model, dimension),
        embedder);
  }

  private Ingestor ingestor(int maxChunks) {
    return new Ingestor(
        embedder, new Chunker(embedder::countTokens, 40, 8), maxChunks, Clock.systemUTC());
  }

  private static Loaders loaders() {
    List<Loaders.Named> loaders = new ArrayList<>();
    for (DocumentLoaderProvider p : ServiceLoader.load(DocumentLoaderProvider.class)) {
      try {
        loaders.add(new Loaders.Named(p.name(), p.create(PluginContext.of(Map.of()))));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return new Loaders(loaders, new ContentTypes());
  }

  private static IndexBackend backend(String name) throws Exception {
    for (IndexBackendProvider p : ServiceLoader.load(IndexBackendProvider.class)) {
      if (p.name().equals(name)) {
        return p.create(PluginContext.of(Map.of()));
      }
    }
    throw new IllegalStateException("no index backend " + name);
  }
}

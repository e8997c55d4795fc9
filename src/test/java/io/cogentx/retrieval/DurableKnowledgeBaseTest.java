package io.cogentx.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.session.TestStorage;
import io.cogentx.spi.IndexBackend;
import io.cogentx.spi.IndexBackendProvider;
import io.cogentx.spi.IndexSpec;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.Progress;
import io.cogentx.spi.SessionRef;
import io.cogentx.spi.SessionStorage;
import io.cogentx.spi.StoredSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A knowledge base over the {@code disk} store with the {@code lucene} backend: reopened after a
 * restart with what it held, its index rebuilt from the stored vectors whenever it does not hold
 * exactly the stored documents (missing, damaged, or ahead of the store after a crash).
 */
class DurableKnowledgeBaseTest {

  @TempDir Path dir;

  private final HashingEmbedder embedder = new HashingEmbedder("test-model", 64);
  private final IndexSpec spec = IndexSpec.inMemory("test-model", 64);
  private final SessionRef session = new SessionRef(UUID.randomUUID().toString());
  private final Ingestor ingestor =
      new Ingestor(embedder, new Chunker(embedder::countTokens, 40, 8), 1000, Clock.systemUTC());
  private final Retriever retriever = new Retriever(embedder);

  @Test
  void aRestartFindsTheDocumentsAndReopensTheIndexAsItWas() throws Exception {
    DocumentInfo a;
    try (SessionStorage storage = TestStorage.disk(dir);
        StoredSession stored = storage.open(session, Instant.now());
        KnowledgeBase kb = KnowledgeBase.open(stored, lucene(), spec, embedder)) {
      a = add(kb, "Photosynthesis turns light into chemical energy.");
      add(kb, "Glaciers carve valleys over millennia.");
    }

    try (SessionStorage storage = TestStorage.disk(dir);
        StoredSession stored = storage.open(session, Instant.now());
        KnowledgeBase kb = KnowledgeBase.open(stored, lucene(), spec, embedder)) {
      assertThat(kb.documents()).hasSize(2).contains(a);
      assertThat(top(kb, "photosynthesis light energy")).isEqualTo(a.id());
      assertThat(kb.chunkCount()).isEqualTo(2);
    }
  }

  @Test
  void anIndexThatIsMissingOrDamagedIsRebuiltFromTheStoredVectors() throws Exception {
    DocumentInfo a;
    Path index;
    try (SessionStorage storage = TestStorage.disk(dir);
        StoredSession stored = storage.open(session, Instant.now());
        KnowledgeBase kb = KnowledgeBase.open(stored, lucene(), spec, embedder)) {
      a = add(kb, "Volcanic ash darkened the sky for weeks.");
      index = stored.indexDirectory().orElseThrow();
    }
    try (Stream<Path> files = Files.list(index)) {
      for (Path f : files.toList()) {
        Files.write(f, new byte[] {1, 2, 3}); // every file of the index damaged
      }
    }

    try (SessionStorage storage = TestStorage.disk(dir);
        StoredSession stored = storage.open(session, Instant.now());
        KnowledgeBase kb = KnowledgeBase.open(stored, lucene(), spec, embedder)) {
      assertThat(top(kb, "volcanic ash sky")).isEqualTo(a.id());
    }
    DocumentFilesTestSupport.deleteTree(index);
    try (SessionStorage storage = TestStorage.disk(dir);
        StoredSession stored = storage.open(session, Instant.now());
        KnowledgeBase kb = KnowledgeBase.open(stored, lucene(), spec, embedder)) {
      assertThat(top(kb, "volcanic ash sky")).isEqualTo(a.id());
      assertThat(kb.chunkCount()).isEqualTo(1);
    }
  }

  @Test
  void anIndexHoldingADocumentTheStoreDoesNotIsRebuiltWithoutIt() throws Exception {
    DocumentInfo kept;
    DocumentInfo dropped;
    Path documents;
    try (SessionStorage storage = TestStorage.disk(dir);
        StoredSession stored = storage.open(session, Instant.now());
        KnowledgeBase kb = KnowledgeBase.open(stored, lucene(), spec, embedder)) {
      kept = add(kb, "Bees dance to show where flowers are.");
      dropped = add(kb, "Tides follow the moon.");
      documents = stored.indexDirectory().orElseThrow().resolveSibling("documents");
    }
    // as if the server had died while removing it: the record gone, the index not yet changed
    Files.delete(documents.resolve(dropped.id() + ".meta"));

    try (SessionStorage storage = TestStorage.disk(dir);
        StoredSession stored = storage.open(session, Instant.now());
        KnowledgeBase kb = KnowledgeBase.open(stored, lucene(), spec, embedder)) {
      assertThat(kb.documents()).containsExactly(kept);
      assertThat(kb.chunkCount()).isEqualTo(1);
      assertThat(retriever.search(kb.index(), "tides moon", 5, SearchMode.KEYWORD)).isEmpty();
    }
  }

  @Test
  void vectorsOfAnotherModelAreEmbeddedAgainFromTheStoredText() throws Exception {
    HashingEmbedder old = new HashingEmbedder("old-model", 32);
    try (SessionStorage storage = TestStorage.disk(dir);
        StoredSession stored = storage.open(session, Instant.now());
        KnowledgeBase kb =
            KnowledgeBase.open(stored, lucene(), IndexSpec.inMemory("old-model", 32), old)) {
      new Ingestor(old, new Chunker(old::countTokens, 40, 8), 1000, Clock.systemUTC())
          .ingest(kb, Uploads.text(dir, "Penguins huddle against the cold."), Progress.NONE);
    }

    try (SessionStorage storage = TestStorage.disk(dir);
        StoredSession stored = storage.open(session, Instant.now());
        KnowledgeBase kb = KnowledgeBase.open(stored, lucene(), spec, embedder)) {
      assertThat(kb.index().spec().embeddingModel()).isEqualTo("test-model");
      assertThat(retriever.search(kb.index(), "penguins cold", 1, SearchMode.VECTOR)).hasSize(1);
    }
  }

  private DocumentInfo add(KnowledgeBase kb, String text) throws Exception {
    return ingestor.ingest(kb, Uploads.text(dir, text), Progress.NONE);
  }

  private String top(KnowledgeBase kb, String query) throws Exception {
    return retriever.search(kb.index(), query, 1, SearchMode.HYBRID).get(0).chunk().documentId();
  }

  private static IndexBackend lucene() throws Exception {
    for (IndexBackendProvider p : ServiceLoader.load(IndexBackendProvider.class)) {
      if (p.name().equals("lucene")) {
        return p.create(PluginContext.of(Map.of()));
      }
    }
    throw new IllegalStateException("no lucene backend");
  }

  /** Text uploads as the server stores them. */
  static final class Uploads {
    private static final Loaders LOADERS = loaders();

    static Upload text(Path dir, String text) throws Exception {
      Path file = Files.createTempFile(dir, "upload-", ".txt");
      Files.writeString(file, text);
      return new Upload(
          file,
          Files.size(file),
          "t.txt",
          LOADERS.choose(file, "t.txt", "text/plain"),
          null,
          Map.of());
    }

    private static Loaders loaders() {
      List<Loaders.Named> loaders = new java.util.ArrayList<>();
      for (io.cogentx.spi.DocumentLoaderProvider p :
          ServiceLoader.load(io.cogentx.spi.DocumentLoaderProvider.class)) {
        try {
          loaders.add(new Loaders.Named(p.name(), p.create(PluginContext.of(Map.of()))));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
      return new Loaders(loaders, new ContentTypes());
    }
  }

  /** Deleting a directory in tests. */
  static final class DocumentFilesTestSupport {
    static void deleteTree(Path p) {
      Directories.deleteTree(p);
    }
  }
}

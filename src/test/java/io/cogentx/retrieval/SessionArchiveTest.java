package io.cogentx.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cogentx.session.TestStorage;
import io.cogentx.spi.IndexBackend;
import io.cogentx.spi.IndexBackendProvider;
import io.cogentx.spi.IndexSpec;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.Progress;
import io.cogentx.spi.ScoredChunk;
import io.cogentx.spi.SessionRef;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export and import of a session: a round trip keeps every search result; bad archives refused. */
class SessionArchiveTest {

  @TempDir Path dir;

  private final HashingEmbedder embedder = new HashingEmbedder("test-model", 64);
  private final IndexSpec spec = IndexSpec.inMemory("test-model", 64);
  private final Retriever retriever = new Retriever(embedder);
  private final SessionArchive.Limits limits = new SessionArchive.Limits(10_000_000, 20, 1000);

  @Test
  void aRoundTripKeepsDocumentsFilesAndEverySearchResult() throws Exception {
    KnowledgeBase source = kb();
    Ingestor ingestor =
        new Ingestor(embedder, new Chunker(embedder::countTokens, 40, 8), 1000, Clock.systemUTC());
    String[] texts = {
      "Photosynthesis turns light into chemical energy in chloroplasts. ".repeat(6),
      "Glaciers carve U-shaped valleys over millennia of slow movement. ".repeat(6),
      "The printing press spread literacy across early modern Europe. ".repeat(6)
    };
    for (String t : texts) {
      ingestor.ingest(source, DurableKnowledgeBaseTest.Uploads.text(dir, t), Progress.NONE);
    }
    byte[] archive = export(source);

    KnowledgeBase target = kb();
    List<DocumentInfo> added =
        SessionArchive.restore(target, read(archive), embedder, false, limits);

    assertThat(added).containsExactlyElementsOf(source.documents());
    assertThat(target.documents()).isEqualTo(source.documents());
    for (String query : List.of("light energy", "valleys glaciers", "literacy Europe", "slow")) {
      for (SearchMode mode : SearchMode.values()) {
        assertThat(hits(target, query, mode)).isEqualTo(hits(source, query, mode));
      }
    }
    String id = added.get(0).id();
    try (var a = source.file(id).orElseThrow().open(0);
        var b = target.file(id).orElseThrow().open(0)) {
      assertThat(b.readAllBytes()).isEqualTo(a.readAllBytes());
    }
  }

  @Test
  void anArchiveOfAnotherModelIsRefusedUnlessItsTextIsEmbeddedAgain() throws Exception {
    HashingEmbedder other = new HashingEmbedder("other-model", 32);
    KnowledgeBase source =
        KnowledgeBase.open(open(), exact(), IndexSpec.inMemory("other-model", 32), other);
    new Ingestor(other, new Chunker(other::countTokens, 40, 8), 100, Clock.systemUTC())
        .ingest(
            source,
            DurableKnowledgeBaseTest.Uploads.text(dir, "Owls hunt at night."),
            Progress.NONE);
    byte[] archive = export(source);

    assertThatThrownBy(() -> SessionArchive.restore(kb(), read(archive), embedder, false, limits))
        .isInstanceOf(EmbeddingMismatchException.class)
        .hasMessageContaining("other-model")
        .hasMessageContaining("reembed=true");

    KnowledgeBase target = kb();
    SessionArchive.restore(target, read(archive), embedder, true, limits);
    assertThat(hits(target, "owls night", SearchMode.VECTOR)).hasSize(1);
  }

  @Test
  void archivesOfAnotherFormatVersionOrWithBadPartsAreRefusedClearly() {
    assertRefused(Map.of("x.txt", bytes("hi")), "unknown entry");
    assertRefused(Map.of("manifest.json", bytes(manifest(2, "[]"))), "format version 2");
    assertRefused(
        Map.of("manifest.json", bytes(manifest(1, "[\"0123456789abcdef\"]"))),
        "lacks documents/0123456789abcdef.json");
    assertRefused(
        Map.of("manifest.json", bytes(manifest(1, "[]")), "files/../../etc/passwd", bytes("x")),
        "invalid id");
    assertRefused(Map.of("manifest.json", bytes("not json")), "not a JSON object");
    assertThatThrownBy(() -> read(bytes("not a zip at all")))
        .isInstanceOf(ArchiveException.class)
        .hasMessageContaining("no manifest.json");
  }

  @Test
  void anArchiveThatUnpacksBeyondTheLimitIsRefused() throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("manifest.json", bytes(manifest(1, "[]")));
    entries.put("files/0123456789abcdef", new byte[2_000_000]); // compresses to a few KB
    byte[] zip = SessionArchive.zip(entries);
    assertThat(zip.length).isLessThan(50_000);

    assertThatThrownBy(
            () ->
                SessionArchive.read(
                    new ByteArrayInputStream(zip),
                    new SessionArchive.Limits(1_000_000, 20, 100),
                    dir))
        .isInstanceOf(ArchiveException.class)
        .hasMessageContaining("unpacks to more");
  }

  private void assertRefused(Map<String, byte[]> entries, String why) {
    assertThatThrownBy(() -> read(SessionArchive.zip(entries)))
        .isInstanceOf(ArchiveException.class)
        .hasMessageContaining(why);
  }

  private static String manifest(int version, String documents) {
    return "{\"format\":\"cogentx-session\",\"version\":"
        + version
        + ",\"embedding_model\":\"test-model\",\"dimension\":64,\"documents\":"
        + documents
        + "}";
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private List<String> hits(KnowledgeBase kb, String query, SearchMode mode) throws Exception {
    return retriever.search(kb.index(), query, 5, mode).stream()
        .map(SessionArchiveTest::describe)
        .toList();
  }

  private static String describe(ScoredChunk h) {
    return h.chunk() + String.format(" %.6f", h.score());
  }

  private byte[] export(KnowledgeBase kb) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SessionArchive.write(kb, out, Instant.now());
    return out.toByteArray();
  }

  private SessionArchive.Contents read(byte[] archive) throws Exception {
    return SessionArchive.read(new ByteArrayInputStream(archive), limits, dir);
  }

  private KnowledgeBase kb() throws Exception {
    return KnowledgeBase.open(open(), lucene(), spec, embedder);
  }

  private static io.cogentx.spi.StoredSession open() throws Exception {
    return TestStorage.memory().open(new SessionRef(UUID.randomUUID().toString()), Instant.now());
  }

  private static IndexBackend lucene() throws Exception {
    return backend("lucene");
  }

  private static IndexBackend exact() throws Exception {
    return backend("exact");
  }

  private static IndexBackend backend(String name) throws Exception {
    for (IndexBackendProvider p : ServiceLoader.load(IndexBackendProvider.class)) {
      if (p.name().equals(name)) {
        return p.create(PluginContext.of(Map.of()));
      }
    }
    throw new IllegalStateException(name);
  }
}

package io.cogentx.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.DocumentChunks;
import io.cogentx.spi.KeptFile;
import io.cogentx.spi.PendingJob;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.SessionRef;
import io.cogentx.spi.SessionStorage;
import io.cogentx.spi.SessionStoreProvider;
import io.cogentx.spi.StoredDocument;
import io.cogentx.spi.StoredSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every session store must do: a store's test class extends this, names its provider and the
 * settings it runs with, and gets these tests; durable stores are also reopened from their settings
 * (as after a restart) and must still hold everything they acknowledged.
 */
public abstract class SessionStorageContract {

  protected static final int DIM = 8;
  protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir protected Path temp;

  protected SessionStorage storage;

  /** The store's provider, as ServiceLoader would create it. */
  protected abstract SessionStoreProvider provider();

  /** Settings the store runs with (a fresh place for its data per test). */
  protected abstract Map<String, String> settings();

  /** Fails if anything of the session is left in the store's own terms (files, rows). */
  protected void assertNothingLeftOf(String storageKey) throws Exception {}

  @BeforeEach
  protected void openStorage() throws Exception {
    storage = create();
  }

  @AfterEach
  void closeStorage() throws Exception {
    storage.close();
  }

  protected SessionStorage create() throws Exception {
    return provider().create(PluginContext.of(settings()));
  }

  /** The storage again, as a server restarted on the same data would have it. */
  protected SessionStorage reopen() throws Exception {
    storage.close();
    storage = create();
    return storage;
  }

  @Test
  void providerIsFoundByServiceLoaderUnderItsName() {
    assertThat(ServiceLoader.load(SessionStoreProvider.class).stream().map(p -> p.get().name()))
        .contains(provider().name());
  }

  @Test
  void aNewSessionIsEmptyAndCreatedWhenFirstOpened() throws Exception {
    SessionRef ref = newSession();
    try (StoredSession s = storage.open(ref, T0)) {
      assertThat(s.created()).isEqualTo(T0);
      assertThat(s.isNew()).isTrue();
      assertThat(s.documents()).isEmpty();
      assertThat(s.pendingJobs()).isEmpty();
      assertThat(s.touch(T0.plusSeconds(1))).isEqualTo(s.version());
    }
    try (StoredSession again = storage.open(ref, T0)) {
      assertThat(again.created()).isEqualTo(T0);
      assertThat(again.isNew()).isFalse();
    }
    assertThat(storage.count()).isEqualTo(1);
  }

  @Test
  void keepsADocumentWithItsChunksFileAndVersionAndRemovesIt() throws Exception {
    SessionRef ref = newSession();
    try (StoredSession s = storage.open(ref, T0)) {
      long before = s.version();
      Sample doc = sample("0123456789abcdef", 3);
      long after = s.addDocument(doc.record, doc.chunks, doc.vectors, file("hello, file"));

      assertThat(after).isGreaterThan(before).isEqualTo(s.version());
      assertThat(s.documents()).containsExactly(doc.record);
      if (storage.durable()) {
        assertSameChunks(s, doc);
      }
      KeptFile kept = s.file(doc.record.id()).orElseThrow();
      assertThat(kept.size()).isEqualTo(11);
      assertThat(read(kept, 0)).isEqualTo("hello, file");
      assertThat(read(kept, 7)).isEqualTo("file");

      long removed = s.removeDocument(doc.record.id());
      assertThat(removed).isGreaterThan(after);
      assertThat(s.documents()).isEmpty();
      assertThat(s.file(doc.record.id())).isEmpty();
      assertThat(s.removeDocument(doc.record.id())).isEqualTo(-1);
    }
  }

  @Test
  void aDocumentMayComeWithoutAFile() throws Exception {
    try (StoredSession s = storage.open(newSession(), T0)) {
      Sample doc = sample("00000000000000aa", 1);
      s.addDocument(doc.record, doc.chunks, doc.vectors, null);
      assertThat(s.documents()).containsExactly(doc.record);
      assertThat(s.file(doc.record.id())).isEmpty();
    }
  }

  @Test
  void sessionsNeverSeeEachOthersDocuments() throws Exception {
    SessionRef a = newSession();
    SessionRef b = newSession();
    try (StoredSession sa = storage.open(a, T0);
        StoredSession sb = storage.open(b, T0)) {
      Sample doc = sample("aaaaaaaaaaaaaaaa", 2);
      sa.addDocument(doc.record, doc.chunks, doc.vectors, file("a's"));

      assertThat(sb.documents()).isEmpty();
      assertThat(sb.file(doc.record.id())).isEmpty();
      assertThat(sb.chunks(doc.record.id())).isEmpty();
    }
  }

  @Test
  void deletingASessionRemovesEveryTrace() throws Exception {
    SessionRef ref = newSession();
    try (StoredSession s = storage.open(ref, T0)) {
      Sample doc = sample("bbbbbbbbbbbbbbbb", 2);
      s.addDocument(doc.record, doc.chunks, doc.vectors, file("gone soon"));
      s.jobQueued(new PendingJob("job-1", T0, "{}"));
    }
    assertThat(storage.delete(ref.storageKey())).isTrue();

    assertThat(storage.delete(ref.storageKey())).isFalse();
    assertNothingLeftOf(ref.storageKey());
    try (StoredSession again = storage.open(ref, T0.plusSeconds(60))) {
      assertThat(again.documents()).isEmpty();
      assertThat(again.created()).isEqualTo(T0.plusSeconds(60));
    }
  }

  @Test
  void expiresSessionsIdleForLongerThanTheTimeoutOnceAndKeepsTheOthers() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    SessionRef idle = newSession();
    SessionRef used = newSession();
    try (StoredSession s = storage.open(idle, now.minus(Duration.ofHours(3)))) {
      Sample doc = sample("cccccccccccccccc", 1);
      s.addDocument(doc.record, doc.chunks, doc.vectors, file("idle"));
    }
    try (StoredSession s = storage.open(used, now.minus(Duration.ofHours(3)))) {
      s.touch(now.minusSeconds(30));
    }

    List<String> expired = storage.expire(now, Duration.ofHours(1));

    assertThat(expired).containsExactly(idle.storageKey());
    assertThat(storage.expire(now, Duration.ofHours(1))).isEmpty();
    assertNothingLeftOf(idle.storageKey());
    assertThat(storage.count()).isEqualTo(1);
  }

  @Test
  void pendingUploadsAreListedUntilEnded() throws Exception {
    SessionRef ref = newSession();
    try (StoredSession s = storage.open(ref, T0)) {
      s.jobQueued(new PendingJob("job-1", T0, "{\"file_name\":\"a.pdf\"}"));
      s.jobQueued(new PendingJob("job-2", T0.plusSeconds(1), "{}"));
      s.jobEnded("job-2");

      assertThat(s.pendingJobs())
          .containsExactly(new PendingJob("job-1", T0, "{\"file_name\":\"a.pdf\"}"));
    }
  }

  @Test
  void aDurableStoreKeepsEverythingAcrossARestart() throws Exception {
    if (!storage.durable()) {
      return;
    }
    SessionRef ref = newSession();
    Sample first = sample("1111111111111111", 4);
    Sample second = sample("2222222222222222", 2);
    long version;
    try (StoredSession s = storage.open(ref, T0)) {
      s.addDocument(first.record, first.chunks, first.vectors, file("first file"));
      version = s.addDocument(second.record, second.chunks, second.vectors, file("second"));
      s.jobQueued(new PendingJob("interrupted", T0, "{\"title\":\"x\"}"));
      s.touch(T0.plusSeconds(10));
    }

    reopen();

    try (StoredSession s = storage.open(ref, T0.plusSeconds(20))) {
      assertThat(s.created()).isEqualTo(T0);
      assertThat(s.version()).isEqualTo(version);
      assertThat(s.documents()).containsExactly(first.record, second.record);
      assertSameChunks(s, first);
      assertSameChunks(s, second);
      assertThat(read(s.file(first.record.id()).orElseThrow(), 0)).isEqualTo("first file");
      assertThat(s.pendingJobs()).extracting(PendingJob::id).containsExactly("interrupted");
    }
  }

  @Test
  void aSharedStoreTellsWhenAnotherServerDeletedTheSession() throws Exception {
    if (!storage.shared()) {
      return;
    }
    SessionRef ref = newSession();
    try (SessionStorage other = create();
        StoredSession s = storage.open(ref, T0)) {
      assertThat(other.delete(ref.storageKey())).isTrue();

      assertThat(s.touch(T0.plusSeconds(1))).isEqualTo(-1);
    }
  }

  // ---- helpers

  protected static SessionRef newSession() {
    return new SessionRef(UUID.randomUUID().toString());
  }

  /** A document with {@code n} chunks and seeded vectors. */
  protected record Sample(StoredDocument record, List<Chunk> chunks, float[][] vectors) {}

  protected static Sample sample(String id, int n) {
    List<Chunk> chunks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      chunks.add(
          new Chunk(
              id,
              i % 2 == 0 ? "Title é " + id : null,
              i,
              "chunk " + i + " of " + id + " — ünïcode ✓",
              i * 10,
              i * 10 + 9,
              i % 2 == 0 ? i + 1 : null,
              i % 3 == 0 ? 1.25 * i : null,
              i % 3 == 0 ? 1.25 * i + 1 : null,
              i % 4 == 1 ? "slide " + i + " › notes" : null));
    }
    float[][] vectors = TestVectors.embeddingLike(new Random(id.hashCode()), n, DIM, 3);
    StoredDocument record =
        new StoredDocument(
            id,
            n,
            "test-model",
            DIM,
            T0.plusMillis(id.hashCode() & 0xffff),
            "{\"id\":\"" + id + "\"}");
    return new Sample(record, chunks, vectors);
  }

  protected Path file(String content) throws IOException {
    Path f = Files.createTempFile(temp, "upload-", ".bin");
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }

  protected static String read(KeptFile file, long offset) throws IOException {
    try (InputStream in = file.open(offset)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  protected static void assertSameChunks(StoredSession s, Sample doc) throws IOException {
    DocumentChunks stored = s.chunks(doc.record.id()).orElseThrow();
    assertThat(stored.chunks()).containsExactlyElementsOf(doc.chunks);
    assertThat(stored.vectors()).hasDimensions(doc.vectors.length, DIM);
    for (int i = 0; i < doc.vectors.length; i++) {
      assertThat(stored.vectors()[i]).containsExactly(doc.vectors[i]);
    }
  }
}

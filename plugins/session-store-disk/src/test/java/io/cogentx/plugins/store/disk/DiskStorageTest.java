package io.cogentx.plugins.store.disk;

import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.spi.SessionRef;
import io.cogentx.spi.SessionStoreProvider;
import io.cogentx.spi.StoredSession;
import io.cogentx.spi.contract.SessionStorageContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The SPI's contract, plus what only the disk store does: names, leftovers, the index folder. */
class DiskStorageTest extends SessionStorageContract {

  @Override
  protected SessionStoreProvider provider() {
    return new DiskStoreProvider();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("VECTOR_DB_DIRECTORY", root().toString());
  }

  Path root() {
    return temp.resolve("db");
  }

  @Override
  protected void assertNothingLeftOf(String storageKey) throws Exception {
    try (Stream<Path> left = Files.list(root())) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(storageKey));
    }
  }

  @Test
  void aSessionLivesInADirectoryNamedByTheHashOfItsIdNeverTheId() throws Exception {
    SessionRef ref = newSession();
    try (StoredSession s = storage.open(ref, T0)) {
      Sample doc = sample("0123456789abcdef", 2);
      s.addDocument(doc.record(), doc.chunks(), doc.vectors(), file("plain words"));
      assertThat(s.indexDirectory()).hasValue(root().resolve(ref.storageKey()).resolve("index"));
    }

    assertThat(root().resolve(ref.storageKey())).isDirectory();
    try (Stream<Path> all = Files.walk(root())) {
      for (Path p : all.toList()) {
        assertThat(p.toString()).doesNotContain(ref.id());
        if (Files.isRegularFile(p)) {
          assertThat(
                  new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1))
              .doesNotContain(ref.id());
        }
      }
    }
  }

  @Test
  void piecesOfADocumentWhoseRecordWasNeverWrittenAreDroppedOnOpen() throws Exception {
    SessionRef ref = newSession();
    Path dir = root().resolve(ref.storageKey());
    try (StoredSession s = storage.open(ref, T0)) {
      Sample doc = sample("0123456789abcdef", 2);
      s.addDocument(doc.record(), doc.chunks(), doc.vectors(), file("kept"));
    }
    // what a crash while adding another document leaves: its chunks and file, no record; and a
    // temporary file
    Files.writeString(dir.resolve("documents/fedcba9876543210.chunks"), "half");
    Files.writeString(dir.resolve("files/fedcba9876543210"), "orphan");
    Files.writeString(dir.resolve("documents/aaaaaaaaaaaaaaaa.meta.tmp-123"), "torn");

    reopen();

    try (StoredSession s = storage.open(ref, T0)) {
      assertThat(s.documents()).extracting(d -> d.id()).containsExactly("0123456789abcdef");
    }
    assertThat(dir.resolve("documents/fedcba9876543210.chunks")).doesNotExist();
    assertThat(dir.resolve("files/fedcba9876543210")).doesNotExist();
    assertThat(dir.resolve("documents/aaaaaaaaaaaaaaaa.meta.tmp-123")).doesNotExist();
  }

  @Test
  void aDeletionACrashInterruptedIsFinishedAtStart() throws Exception {
    Path doomed = Files.createDirectories(root().resolve("a".repeat(64) + ".deleted-x/documents"));
    Files.writeString(doomed.resolve("left"), "x");

    reopen();

    assertThat(root().resolve("a".repeat(64) + ".deleted-x")).doesNotExist();
  }

  @Test
  void startingReadsNoSession() throws Exception {
    for (int i = 0; i < 20; i++) {
      storage.open(newSession(), T0).close();
    }
    // a session directory that cannot be read: a start does not look at it
    Files.createDirectories(root().resolve("b".repeat(64)));
    Files.writeString(root().resolve("b".repeat(64)).resolve("session"), "created=garbage");

    reopen();

    assertThat(storage.count()).isEqualTo(21);
  }
}

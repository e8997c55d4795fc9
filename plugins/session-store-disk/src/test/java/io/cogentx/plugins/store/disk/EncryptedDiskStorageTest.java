package io.cogentx.plugins.store.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cogentx.spi.PluginContext;
import io.cogentx.spi.SessionRef;
import io.cogentx.spi.SessionStorage;
import io.cogentx.spi.StoredSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract with encryption on, and what encryption promises: nothing a session holds is
 * readable on disk, no key opens another session's data, and tampering is detected.
 */
class EncryptedDiskStorageTest extends DiskStorageTest {

  @Override
  protected Map<String, String> settings() {
    Map<String, String> s = new HashMap<>(super.settings());
    s.put("DISK_STORE_ENCRYPTION", "true");
    s.put("STORE_KEY", "server pepper");
    return s;
  }

  @Override
  @Test
  void aSessionLivesInADirectoryNamedByTheHashOfItsIdNeverTheId() throws Exception {
    SessionRef ref = newSession();
    try (StoredSession s = storage.open(ref, T0)) {
      assertThat(s.indexDirectory()).isEmpty(); // a Lucene index on disk would not be encrypted
    }
  }

  @Override
  @Test
  void piecesOfADocumentWhoseRecordWasNeverWrittenAreDroppedOnOpen() {
    // the same code as without encryption; the names differ (.sealed)
  }

  @Test
  void nothingASessionHoldsIsReadableOnDisk() throws Exception {
    SessionRef ref = newSession();
    try (StoredSession s = storage.open(ref, T0)) {
      Sample doc = sample("0123456789abcdef", 3);
      s.addDocument(doc.record(), doc.chunks(), doc.vectors(), file("SECRET-FILE-CONTENT"));
      s.jobQueued(new io.cogentx.spi.PendingJob("job-1", T0, "{\"file_name\":\"SECRET.pdf\"}"));
    }

    try (Stream<Path> all = Files.walk(root())) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        String raw = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
        assertThat(raw)
            .as(p.toString())
            .doesNotContain("SECRET")
            .doesNotContain("chunk 0")
            .doesNotContain("0123456789abcdef\"")
            .doesNotContain(ref.id());
      }
    }
  }

  @Test
  void largeFilesAreReadBackFromAnyOffset() throws Exception {
    byte[] content = new byte[3 * Sealer.SEGMENT + 123];
    new Random(5).nextBytes(content);
    Path upload = temp.resolve("big.bin");
    Files.write(upload, content);
    SessionRef ref = newSession();
    try (StoredSession s = storage.open(ref, T0)) {
      Sample doc = sample("0123456789abcdef", 1);
      s.addDocument(doc.record(), doc.chunks(), doc.vectors(), upload);
      var kept = s.file("0123456789abcdef").orElseThrow();

      assertThat(kept.size()).isEqualTo(content.length);
      for (long offset :
          new long[] {
            0,
            1,
            Sealer.SEGMENT - 1,
            Sealer.SEGMENT,
            2L * Sealer.SEGMENT + 7,
            content.length - 1,
            content.length
          }) {
        try (var in = kept.open(offset)) {
          assertThat(in.readAllBytes())
              .isEqualTo(java.util.Arrays.copyOfRange(content, (int) offset, content.length));
        }
      }
    }
    assertThat(upload).doesNotExist();
  }

  @Test
  void anotherSessionsIdOrAnotherStoreKeyCannotReadIt() throws Exception {
    SessionRef ref = newSession();
    try (StoredSession s = storage.open(ref, T0)) {
      Sample doc = sample("0123456789abcdef", 1);
      s.addDocument(doc.record(), doc.chunks(), doc.vectors(), file("x"));
    }
    storage.close();
    Map<String, String> otherPepper = new HashMap<>(settings());
    otherPepper.put("STORE_KEY", "another pepper");
    try (SessionStorage other = new DiskStoreProvider().create(PluginContext.of(otherPepper))) {
      assertThatThrownBy(() -> other.open(ref, T0))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("integrity");
    }
    // the directory of another id holds another session: the id is the key, the name its hash
    Path dir = root().resolve(ref.storageKey());
    Path impostor = root().resolve(newSessionKeyFor("4f0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d"));
    copyTree(dir, impostor);
    storage = create();
    assertThatThrownBy(
            () -> storage.open(new SessionRef("4f0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d"), T0))
        .isInstanceOf(IOException.class);
  }

  @Test
  void aTamperedRecordIsRefused() throws Exception {
    SessionRef ref = newSession();
    try (StoredSession s = storage.open(ref, T0)) {
      Sample doc = sample("0123456789abcdef", 1);
      s.addDocument(doc.record(), doc.chunks(), doc.vectors(), file("x"));
    }
    Path chunks = root().resolve(ref.storageKey()).resolve("documents/0123456789abcdef.chunks");
    byte[] bytes = Files.readAllBytes(chunks);
    bytes[bytes.length / 2] ^= 1;
    Files.write(chunks, bytes);

    try (StoredSession s = storage.open(ref, T0)) {
      assertThatThrownBy(() -> s.chunks("0123456789abcdef")).isInstanceOf(IOException.class);
    }
  }

  private static String newSessionKeyFor(String id) {
    return SessionRef.storageKey(id);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}

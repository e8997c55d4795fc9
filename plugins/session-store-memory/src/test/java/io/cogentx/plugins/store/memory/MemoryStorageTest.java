package io.cogentx.plugins.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.spi.SessionRef;
import io.cogentx.spi.SessionStoreProvider;
import io.cogentx.spi.StoredSession;
import io.cogentx.spi.contract.SessionStorageContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SPI's contract, plus: nothing outlives the server. */
class MemoryStorageTest extends SessionStorageContract {

  @Override
  protected SessionStoreProvider provider() {
    return new MemoryStoreProvider();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("DOCUMENT_FILES_DIRECTORY", temp.resolve("documents").toString());
  }

  @Override
  protected void assertNothingLeftOf(String storageKey) {
    assertThat(temp.resolve("documents").resolve(storageKey)).doesNotExist();
  }

  @Test
  void aRestartStartsWithNoSessionAndNoFiles() throws Exception {
    SessionRef ref = newSession();
    try (StoredSession s = storage.open(ref, T0)) {
      Sample doc = sample("0123456789abcdef", 1);
      s.addDocument(doc.record(), doc.chunks(), doc.vectors(), file("kept while running"));
    }
    Path dir = temp.resolve("documents").resolve(ref.storageKey());
    assertThat(dir.resolve("0123456789abcdef")).exists();
    Files.createDirectories(temp.resolve("documents").resolve("not-a-session"));

    reopen();

    assertThat(storage.count()).isZero();
    assertThat(dir).doesNotExist();
    assertThat(temp.resolve("documents").resolve("not-a-session")).exists();
    try (StoredSession s = storage.open(ref, T0)) {
      assertThat(s.documents()).isEmpty();
    }
  }
}

package io.cogentx.plugins.store.disk;

import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.spi.DocumentChunks;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.SessionRef;
import io.cogentx.spi.SessionStorage;
import io.cogentx.spi.StoredDocument;
import io.cogentx.spi.StoredSession;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills (SIGKILL, as {@code kill -9}) a process writing to the store at random moments, again and
 * again on the same directory, and checks after each kill: every document whose add had returned is
 * there, whole (its chunks, vectors and file as written), every one whose removal had returned is
 * gone, and any other document there is whole too.
 */
class DiskStoreCrashTest {

  @TempDir Path temp;

  @ParameterizedTest(name = "encrypted={0}")
  @ValueSource(booleans = {false, true})
  void everyAcknowledgedDocumentSurvivesAKillAtAnyMoment(boolean encrypt) throws Exception {
    Path root = temp.resolve("db");
    Random random = new Random(42);
    Set<String> acknowledged = new HashSet<>();
    Set<String> removed = new HashSet<>();
    Set<String> removing = new HashSet<>();
    long next = 0;
    for (int round = 0; round < 6; round++) {
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  CrashWriter.class.getName(),
                  root.toString(),
                  Boolean.toString(encrypt),
                  Long.toString(next))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertThat(lines.readLine()).isEqualTo("READY");
      long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100 + random.nextInt(700));
      Thread reader =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      for (String line; (line = lines.readLine()) != null; ) {
                        String id = line.substring(4);
                        synchronized (acknowledged) {
                          if (line.startsWith("ACK ")) {
                            acknowledged.add(id);
                          } else if (line.startsWith("RMV ")) {
                            removing.add(id);
                          } else if (line.startsWith("DEL ")) {
                            removed.add(id);
                          }
                        }
                      }
                    } catch (java.io.IOException ignored) {
                      // the process died
                    }
                  });
      Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(killAt - System.nanoTime())));
      child.destroyForcibly(); // SIGKILL
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
      reader.join(10_000);

      try (SessionStorage storage = open(root, encrypt);
          StoredSession s = storage.open(new SessionRef(CrashWriter.SESSION), Instant.now())) {
        List<StoredDocument> docs = s.documents();
        Set<String> present = new HashSet<>();
        for (StoredDocument d : docs) {
          present.add(d.id());
          assertWhole(s, d);
        }
        synchronized (acknowledged) {
          Set<String> mustBeThere = new HashSet<>(acknowledged);
          mustBeThere.removeAll(removing);
          assertThat(present).as("round %d", round).containsAll(mustBeThere);
          assertThat(present).as("round %d", round).noneMatch(removed::contains);
          present.addAll(acknowledged);
          next = present.stream().mapToLong(id -> Long.parseLong(id, 16)).max().orElse(-1) + 1;
        }
      }
    }
    assertThat(acknowledged).as("documents written across the rounds").hasSizeGreaterThan(10);
  }

  private static SessionStorage open(Path root, boolean encrypt) throws Exception {
    return new DiskStoreProvider()
        .create(
            PluginContext.of(
                Map.of(
                    "VECTOR_DB_DIRECTORY", root.toString(),
                    "DISK_STORE_ENCRYPTION", Boolean.toString(encrypt))));
  }

  private static void assertWhole(StoredSession s, StoredDocument d) throws Exception {
    CrashWriter.Doc expected = CrashWriter.doc(d.id());
    assertThat(d).isEqualTo(expected.record());
    DocumentChunks chunks = s.chunks(d.id()).orElseThrow();
    assertThat(chunks.chunks()).isEqualTo(expected.chunks());
    for (int i = 0; i < expected.vectors().length; i++) {
      assertThat(chunks.vectors()[i]).containsExactly(expected.vectors()[i]);
    }
    try (var in = s.file(d.id()).orElseThrow().open(0)) {
      assertThat(in.readAllBytes()).isEqualTo(CrashWriter.fileContent(d.id()));
    }
  }
}

package io.cogentx.plugins.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.spi.SessionRef;
import io.cogentx.spi.SessionStoreProvider;
import io.cogentx.spi.StoredSession;
import io.cogentx.spi.contract.SessionStorageContract;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SPI's contract against a real PostgreSQL (Debian's, started by the test), plus: the schema
 * comes from Flyway, no row names a session by its id, two servers share the sessions.
 */
class PostgresStorageTest extends SessionStorageContract {

  private static int databases;
  private String url;

  @BeforeEach
  @Override
  protected void openStorage() throws Exception {
    url = TestPostgres.get().newDatabase("contract" + databases++);
    super.openStorage();
  }

  @Override
  protected SessionStoreProvider provider() {
    return new PostgresStoreProvider();
  }

  @Override
  protected Map<String, String> settings() {
    Map<String, String> s = new HashMap<>();
    s.put("POSTGRES_DATASOURCE", "");
    s.put("POSTGRES_URL", url);
    s.put("POSTGRES_USER", "cogentx");
    s.put("POSTGRES_TOUCH_SECONDS", "0");
    return s;
  }

  @Override
  protected void assertNothingLeftOf(String storageKey) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "cogentx", "")) {
      for (String table :
          new String[] {"sessions", "documents", "chunks", "files", "file_parts", "pending_jobs"}) {
        String column = table.equals("sessions") ? "key" : "session_key";
        try (ResultSet r =
            c.createStatement()
                .executeQuery(
                    "SELECT count(*) FROM "
                        + table
                        + " WHERE "
                        + column
                        + " = '"
                        + storageKey
                        + "'")) {
          r.next();
          assertThat(r.getInt(1)).as(table).isZero();
        }
      }
    }
  }

  @Test
  void theSchemaIsFlywaysAndNoRowHoldsASessionId() throws Exception {
    SessionRef ref = newSession();
    try (StoredSession s = storage.open(ref, T0)) {
      Sample doc = sample("0123456789abcdef", 2);
      s.addDocument(doc.record(), doc.chunks(), doc.vectors(), file("x"));
    }
    try (Connection c = DriverManager.getConnection(url, "cogentx", "")) {
      try (ResultSet r =
          c.createStatement().executeQuery("SELECT version, success FROM cogentx_schema_history")) {
        r.next();
        assertThat(r.getString(1)).isEqualTo("1");
        assertThat(r.getBoolean(2)).isTrue();
      }
      try (ResultSet r = c.createStatement().executeQuery("SELECT key FROM sessions")) {
        r.next();
        assertThat(r.getString(1)).isEqualTo(ref.storageKey()).doesNotContain(ref.id());
      }
    }
  }

  @Test
  void largeFilesAreKeptInPartsAndReadFromAnyOffset() throws Exception {
    byte[] content = new byte[PostgresSession.PART_BYTES * 2 + 17];
    new java.util.Random(3).nextBytes(content);
    java.nio.file.Path upload = temp.resolve("big");
    java.nio.file.Files.write(upload, content);
    try (StoredSession s = storage.open(newSession(), T0)) {
      Sample doc = sample("0123456789abcdef", 1);
      s.addDocument(doc.record(), doc.chunks(), doc.vectors(), upload);
      var kept = s.file("0123456789abcdef").orElseThrow();
      assertThat(kept.size()).isEqualTo(content.length);
      for (long offset : new long[] {0, 5, PostgresSession.PART_BYTES, content.length - 3}) {
        try (var in = kept.open(offset)) {
          assertThat(in.readAllBytes())
              .isEqualTo(java.util.Arrays.copyOfRange(content, (int) offset, content.length));
        }
      }
    }
  }
}

package io.cogentx.it;

import static io.cogentx.it.Api.SESSION;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The test server runs with SESSION_TIMEOUT_HOURS=0.01 (36 s) and cleanup every 3 s: an idle
 * session must vanish through the real EJB timer, with the seed's log lines (ids hashed) in
 * messages.log and logs/sessions.log.
 */
class SessionExpiryIT {

  @Test
  void idleSessionExpiresThroughTheTimerAndIsLoggedByHash() throws Exception {
    String id = Api.newSession();
    String hash = SessionApiIT.hashOf(id);
    assertThat(SessionApiIT.adminListing()).contains(hash);

    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (SessionApiIT.adminListing().contains(hash) && Instant.now().isBefore(deadline)) {
      Thread.sleep(1_000);
    }

    assertThat(SessionApiIT.adminListing())
        .as("session still listed after 90 s")
        .doesNotContain(hash);
    String sessionsLog = read(Api.SERVER_DIR.resolve("logs/sessions.log"));
    assertThat(sessionsLog)
        .contains("SessionManager initialized with 0.01h timeout")
        .contains("Session " + hash + " created")
        .contains("Session " + hash + " expired")
        .doesNotContain(id);
    assertThat(read(Api.SERVER_DIR.resolve("logs/messages.log")))
        .contains("Session " + hash + " expired")
        .doesNotContain(id);
    // the same id afterwards is simply a new, empty session
    assertThat(Api.get("/api/v1/session/info", SESSION, id).statusCode()).isEqualTo(200);
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "";
  }
}

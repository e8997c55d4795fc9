package io.cogentx.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A second test server runs with SESSION_TIMEOUT_HOURS=0.003 (10.8 s) and cleanup every 1.2 s
 * (src/it/liberty/expiry-server.env): an idle session must vanish through the real EJB timer, with
 * the seed's log lines (ids hashed) in messages.log and logs/sessions.log.
 */
class SessionExpiryIT {

  private static final String BASE =
      System.getProperty("it.expiry.base.url", "http://127.0.0.1:18081");
  private static final Path SERVER_DIR =
      Path.of(System.getProperty("it.expiry.server.dir", "target/liberty"));

  @Test
  void idleSessionExpiresThroughTheTimerAndIsLoggedByHash() throws Exception {
    String id = get("/api/v1/session/info", null).headers().firstValue(Api.SESSION).orElseThrow();
    String hash = SessionApiIT.hashOf(id);
    assertThat(adminListing()).contains(hash);
    // this server keeps sessions on disk (SESSION_STORE=disk): one directory per session
    Path stored = SERVER_DIR.resolve("vector_db").resolve(DurableSessionsIT.sha256(id));
    assertThat(stored).isDirectory();

    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (adminListing().contains(hash) && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
    }

    assertThat(adminListing()).as("session still listed after 60 s").doesNotContain(hash);
    assertThat(stored).as("the session's directory, after expiry").doesNotExist();
    // the expiry is logged after the session has gone from the registry: give the line a moment
    Instant logged = Instant.now().plus(Duration.ofSeconds(10));
    while (!read(SERVER_DIR.resolve("logs/sessions.log")).contains("Session " + hash + " expired")
        && Instant.now().isBefore(logged)) {
      Thread.sleep(200);
    }
    String sessionsLog = read(SERVER_DIR.resolve("logs/sessions.log"));
    assertThat(sessionsLog)
        .contains("SessionManager initialized with 0.003h timeout")
        .contains("Session " + hash + " created")
        .contains("Session " + hash + " expired")
        .doesNotContain(id);
    assertThat(read(SERVER_DIR.resolve("logs/messages.log")))
        .contains("Session " + hash + " expired")
        .doesNotContain(id);
    // the same id afterwards is simply a new, empty session
    assertThat(get("/api/v1/session/info", id).statusCode()).isEqualTo(200);
  }

  private static HttpResponse<String> get(String path, String session) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).GET();
    if (session != null) {
      request.header(Api.SESSION, session);
    }
    return Api.send(request);
  }

  private static String adminListing() {
    return Api.send(
            HttpRequest.newBuilder(URI.create(BASE + "/api/v1/admin/sessions"))
                .header("Authorization", "Bearer " + Api.ADMIN_TOKEN))
        .body();
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "";
  }
}

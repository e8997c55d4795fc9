package io.cogentx.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SESSION_STORE=disk on a real Liberty (durableServer, src/it/liberty/durable-server.env), killed
 * with {@code kill -9} while it indexes an upload, then started again: every upload acknowledged as
 * indexed is there and found, the interrupted one is reported as failed, sessions stay apart, and
 * the store names directories by the ids' hashes only.
 */
class DurableSessionsIT {

  private static final int PORT = Integer.getInteger("it.durable.http.port", 18083);
  private static LibertyServer server;

  @BeforeAll
  static void start() {
    server = new LibertyServer("durableServer", PORT).start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void acknowledgedDocumentsSurviveAKill9DuringIngestAndTheInterruptedUploadIsReportedFailed()
      throws Exception {
    String alice = newSession();
    String bob = newSession();
    List<JsonObject> acknowledged = new ArrayList<>();
    String[] topics = {"marmalade oranges", "lighthouse keepers", "glacier crevasses"};
    for (String topic : topics) {
      acknowledged.add(addText(alice, topic, "Notes about " + topic + ". " + filler(topic, 3)));
    }
    JsonObject bobs = addText(bob, "bob", "Bob writes only about zeppelin hangars.");

    // a long upload, killed while it is being embedded
    HttpResponse<String> accepted =
        post(alice, "/api/v1/documents", json("long", filler("tapestry weaving", 600)));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String job = Api.json(accepted).getString("id");
    awaitEmbedding(alice, job);
    server.kill();

    server.start();

    JsonObject listed = Api.json(get(alice, "/api/v1/documents"));
    assertThat(listed.getJsonArray("documents").getValuesAs(JsonObject.class))
        .extracting(d -> d.getString("id"))
        .containsAll(acknowledged.stream().map(d -> d.getString("id")).toList());
    for (int i = 0; i < topics.length; i++) {
      JsonObject hit = firstHit(alice, topics[i]);
      assertThat(hit.getString("document_id")).isEqualTo(acknowledged.get(i).getString("id"));
    }
    assertThat(get(alice, "/api/v1/documents/" + acknowledged.get(0).getString("id") + "/content"))
        .satisfies(r -> assertThat(r.statusCode()).isEqualTo(200));
    JsonObject failed = Api.json(get(alice, "/api/v1/jobs/" + job));
    assertThat(failed.getString("state")).isEqualTo("failed");
    assertThat(failed.getJsonObject("problem").getString("type")).endsWith("upload-interrupted");
    // sessions stay apart after the restart
    assertThat(searchIds(alice, "zeppelin hangars")).doesNotContain(bobs.getString("id"));
    assertThat(searchIds(bob, "zeppelin hangars")).containsExactly(bobs.getString("id"));

    Path store = server.directory().resolve("vector_db");
    try (Stream<Path> dirs = Files.list(store)) {
      assertThat(dirs.map(p -> p.getFileName().toString()))
          .contains(sha256(alice), sha256(bob))
          .noneMatch(n -> n.contains(alice) || n.contains(bob));
    }

    // deleting a session removes its directory
    assertThat(delete(bob).statusCode()).isEqualTo(204);
    assertThat(store.resolve(sha256(bob))).doesNotExist();
  }

  private void awaitEmbedding(String session, String job) {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      JsonObject j = Api.json(get(session, "/api/v1/jobs/" + job));
      if (j.getString("stage").equals("embedding") && j.getInt("done") > 0) {
        return;
      }
      assertThat(j.getString("state")).isIn("queued", "running");
      Api.sleep(Duration.ofMillis(50));
    }
    throw new AssertionError("the long upload never reached embedding");
  }

  private static String filler(String topic, int sentences) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < sentences; i++) {
      b.append("Paragraph ")
          .append(i)
          .append(" on ")
          .append(topic)
          .append(" repeats itself with number ")
          .append(i * 7919 % 10007)
          .append(". ");
    }
    return b.toString();
  }

  private JsonObject addText(String session, String title, String text) {
    HttpResponse<String> r = post(session, "/api/v1/documents?wait=true", json(title, text));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return Api.json(r);
  }

  private JsonObject firstHit(String session, String query) {
    HttpResponse<String> r =
        post(session, "/api/v1/search", "{\"query\": " + Api.quote(query) + ", \"k\": 3}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Api.json(r).getJsonArray("results").getJsonObject(0);
  }

  private List<String> searchIds(String session, String query) {
    HttpResponse<String> r =
        post(
            session,
            "/api/v1/search",
            "{\"query\": " + Api.quote(query) + ", \"k\": 5, \"mode\": \"keyword\"}");
    return Api.json(r).getJsonArray("results").getValuesAs(JsonObject.class).stream()
        .map(h -> h.getString("document_id"))
        .distinct()
        .toList();
  }

  private static String json(String title, String text) {
    return "{\"title\": " + Api.quote(title) + ", \"text\": " + Api.quote(text) + "}";
  }

  private String newSession() {
    return get(null, "/api/v1/session/info").headers().firstValue(Api.SESSION).orElseThrow();
  }

  private HttpResponse<String> get(String session, String path) {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(server.base() + path)).GET();
    if (session != null) {
      r.header(Api.SESSION, session);
    }
    return Api.send(r.timeout(Duration.ofSeconds(60)));
  }

  private HttpResponse<String> delete(String session) {
    return Api.send(
        HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/session"))
            .header(Api.SESSION, session)
            .DELETE());
  }

  private HttpResponse<String> post(String session, String path, String body) {
    return Api.send(
        HttpRequest.newBuilder(URI.create(server.base() + path))
            .timeout(Duration.ofSeconds(120))
            .header(Api.SESSION, session)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  static String sha256(String id) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes("US-ASCII")));
  }
}

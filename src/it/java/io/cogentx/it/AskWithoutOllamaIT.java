package io.cogentx.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The second test server has nothing listening at its {@code OLLAMA_BASE_URL}: answers still come,
 * extractively, with citations.
 */
class AskWithoutOllamaIT {

  private static final String BASE =
      System.getProperty("it.expiry.base.url", "http://127.0.0.1:18081");

  @Test
  void withNoModelReachableTheAnswerIsExtractiveAndCited() {
    String session = java.util.UUID.randomUUID().toString();
    HttpResponse<String> added =
        post(
            "/api/v1/documents?wait=true",
            session,
            "{\"title\": \"Lighthouse keeping\", \"text\": " + Api.quote(Ask.LIGHTHOUSE) + "}",
            "application/json");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);

    HttpResponse<String> r =
        post("/api/v1/ask", session, Ask.body("What replaced whale oil?"), "application/json");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonObject reply = Api.json(r);
    assertThat(reply.getString("backend")).isEqualTo("extractive");
    assertThat(reply.getString("model")).isEqualTo("extractive");
    assertThat(reply.getBoolean("abstained")).isFalse();
    assertThat(reply.getString("answer"))
        .isEqualTo("Whale oil was replaced by paraffin in the nineteenth century. [1]");
    assertThat(reply.getJsonArray("citations").getJsonObject(0).getInt("n")).isEqualTo(1);
  }

  private static HttpResponse<String> post(
      String path, String session, String json, String accept) {
    return Api.send(
        HttpRequest.newBuilder(URI.create(BASE + path))
            .header("Content-Type", "application/json")
            .header("Accept", accept)
            .header(Api.SESSION, session)
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }
}

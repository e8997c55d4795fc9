package io.cogentx.it;

import static io.cogentx.it.Api.SESSION;
import static io.cogentx.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A document's file as uploaded ({@code GET /api/v1/documents/{id}/content}): byte ranges for
 * viewers and players, only for its own session, gone with its document.
 */
class DocumentContentIT {

  private static final String TEXT =
      "Tide tables for the harbour.\n\nHigh water at 06:12 and 18:40; the ferry waits for it.";

  private static JsonObject upload(String session, String name, String type, byte[] bytes) {
    HttpResponse<String> response =
        Api.send(
            new Multipart()
                .file("file", name, type, bytes)
                .post("/api/v1/documents?wait=true", session));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return Api.json(response);
  }

  @Test
  void theFileComesBackWholeOrByRangeWithItsTypeAndSize() {
    String session = Api.newSession();
    byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
    JsonObject doc = upload(session, "tides.txt", "text/plain", bytes);
    assertThat(doc.getInt("file_size")).isEqualTo(bytes.length);
    String path = "/api/v1/documents/" + doc.getString("id") + "/content";

    HttpResponse<String> whole = Api.get(path, SESSION, session);
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.body()).isEqualTo(TEXT);
    assertThat(whole.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");
    assertThat(whole.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(c -> assertThat(c).contains("sandbox"));
    assertThat(whole.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

    HttpResponse<String> part = Api.get(path, SESSION, session, "Range", "bytes=5-9");
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.body()).isEqualTo("table");
    assertThat(part.headers().firstValue("Content-Range")).contains("bytes 5-9/" + bytes.length);

    HttpResponse<String> tail = Api.get(path, SESSION, session, "Range", "bytes=-7");
    assertThat(tail.statusCode()).isEqualTo(206);
    assertThat(tail.body()).isEqualTo("for it.");

    HttpResponse<String> outside =
        Api.get(path, SESSION, session, "Range", "bytes=" + (bytes.length + 10) + "-");
    assertProblem(outside, 416);
    assertThat(outside.headers().firstValue("Content-Range")).contains("bytes */" + bytes.length);

    // an <audio> or <embed> element cannot send headers: the session may come as a query parameter
    HttpResponse<String> byQuery = Api.get(path + "?session_id=" + session);
    assertThat(byQuery.statusCode()).isEqualTo(200);
    assertThat(byQuery.body()).isEqualTo(TEXT);
  }

  @Test
  void anotherSessionGetsNothingAndADeletedDocumentsFileIsGone() throws Exception {
    String owner = Api.newSession();
    JsonObject doc =
        upload(
            owner,
            "secret.txt",
            "text/plain",
            "The vault code is 4711.".getBytes(StandardCharsets.UTF_8));
    String path = "/api/v1/documents/" + doc.getString("id") + "/content";

    assertProblem(Api.get(path, SESSION, Api.newSession()), 404);
    assertProblem(Api.get(path + "?session_id=" + Api.newSession()), 404);
    assertProblem(Api.get("/api/v1/documents/not-an-id/content", SESSION, owner), 404);

    long keptBefore = keptFiles();
    assertThat(Api.delete("/api/v1/documents/" + doc.getString("id"), SESSION, owner).statusCode())
        .isEqualTo(204);
    assertProblem(Api.get(path, SESSION, owner), 404);
    assertThat(keptFiles()).isEqualTo(keptBefore - 1);
  }

  @Test
  void htmlIsServedAsAnAttachmentNeverRenderedInThePage() {
    String session = Api.newSession();
    byte[] html =
        "<html><body><script>alert(1)</script><p>Harbour rules: no swimming.</p></body></html>"
            .getBytes(StandardCharsets.UTF_8);
    JsonObject doc = upload(session, "rules.txt", "text/plain", html);
    HttpResponse<String> response =
        Api.get("/api/v1/documents/" + doc.getString("id") + "/content", SESSION, session);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(c -> assertThat(c).contains("sandbox").contains("default-src 'none'"));
  }

  /** Files kept for documents, across all sessions of the test server. */
  private static long keptFiles() throws Exception {
    Path root = Api.SERVER_DIR.resolve("tmp/documents");
    if (!Files.isDirectory(root)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).count();
    }
  }
}

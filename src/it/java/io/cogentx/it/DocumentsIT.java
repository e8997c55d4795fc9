package io.cogentx.it;

import static io.cogentx.it.Api.SESSION;
import static io.cogentx.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Adding, listing, searching and deleting documents through the real server. */
class DocumentsIT {

  private static final String LIGHTHOUSE =
      "# Lighthouse keeping\n\nThe keeper of the Skerryvore lighthouse trimmed the wicks every"
          + " evening at dusk. Whale oil was replaced by paraffin in the nineteenth century.\n\n"
          + "## Supplies\n\nA supply boat reached the rock once a fortnight when the sea allowed.";

  @Test
  void uploadedMarkdownIsSearchableInEveryModeAndCitedByDocument() {
    String session = Api.newSession();
    HttpResponse<String> upload =
        Api.send(
            new Multipart()
                .file(
                    "file",
                    "lighthouse.md",
                    "text/markdown",
                    LIGHTHOUSE.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/documents?wait=true", session));

    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
    JsonObject doc = Api.json(upload);
    assertThat(doc.getString("title")).isEqualTo("Lighthouse keeping");
    assertThat(doc.getString("loader")).isEqualTo("markdown");
    assertThat(doc.getInt("chunks")).isPositive();
    assertThat(upload.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith(doc.getString("id")));

    for (String mode : List.of("hybrid", "vector", "keyword")) {
      JsonObject result =
          Api.json(
              Api.postJson(
                  "/api/v1/search",
                  session,
                  "{\"query\": \"what fuel replaced whale oil\", \"k\": 3, \"mode\": \""
                      + mode
                      + "\"}"));
      assertThat(result.getString("mode")).isEqualTo(mode);
      JsonObject top = result.getJsonArray("results").getJsonObject(0);
      assertThat(top.getString("document_id")).isEqualTo(doc.getString("id"));
      assertThat(top.getString("text")).contains("paraffin");
      assertThat(top.getInt("rank")).isEqualTo(1);
    }

    JsonObject info = Api.json(Api.get("/api/v1/session/info", SESSION, session));
    assertThat(info.getInt("total_documents")).isEqualTo(1);
    assertThat(info.getInt("total_chunks")).isEqualTo(doc.getInt("chunks"));
  }

  @Test
  void pastedTextListAndDeleteKeepCountsRight() {
    String session = Api.newSession();
    JsonObject a =
        Api.json(
            Api.postJson(
                "/api/v1/documents?wait=true",
                session,
                "{\"title\": \"Bees\", \"text\": \"Honey bees communicate by a waggle dance.\"}"));
    JsonObject b =
        Api.json(
            Api.postJson(
                "/api/v1/documents?wait=true",
                session,
                "{\"title\": \"Ants\", \"text\": \"Leafcutter ants farm a fungus underground.\"}"));

    JsonObject list = Api.json(Api.get("/api/v1/documents", SESSION, session));
    assertThat(list.getInt("total_documents")).isEqualTo(2);
    assertThat(Api.delete("/api/v1/documents/" + a.getString("id"), SESSION, session).statusCode())
        .isEqualTo(204);

    JsonObject after = Api.json(Api.get("/api/v1/documents", SESSION, session));
    assertThat(after.getInt("total_documents")).isEqualTo(1);
    assertThat(after.getJsonArray("documents").getJsonObject(0).getString("id"))
        .isEqualTo(b.getString("id"));
    JsonObject search =
        Api.json(
            Api.postJson(
                "/api/v1/search", session, "{\"query\": \"waggle dance\", \"mode\": \"keyword\"}"));
    assertThat(search.getJsonArray("results").toString()).doesNotContain(a.getString("id"));
    assertProblem(Api.delete("/api/v1/documents/" + a.getString("id"), SESSION, session), 404);
    assertThat(
            Api.json(Api.get("/api/v1/session/info", SESSION, session)).getInt("total_documents"))
        .isEqualTo(1);
  }

  @Test
  void anotherSessionSeesNothingOfIt() {
    String owner = Api.newSession();
    JsonObject doc =
        Api.json(
            Api.postJson(
                "/api/v1/documents?wait=true",
                owner,
                "{\"title\": \"Secret\", \"text\": \"The vault code is marmalade-42.\"}"));
    String stranger = Api.newSession();

    assertThat(Api.json(Api.get("/api/v1/documents", SESSION, stranger)).getInt("total_documents"))
        .isZero();
    HttpResponse<String> search =
        Api.postJson("/api/v1/search", stranger, "{\"query\": \"vault code marmalade\"}");
    assertThat(Api.json(search).getJsonArray("results")).isEmpty();
    assertProblem(Api.get("/api/v1/documents/" + doc.getString("id"), SESSION, stranger), 404);
    assertProblem(Api.delete("/api/v1/documents/" + doc.getString("id"), SESSION, stranger), 404);
    assertThat(Api.get("/api/v1/documents/" + doc.getString("id"), SESSION, owner).statusCode())
        .isEqualTo(200);
  }

  @Test
  void deletingTheSessionFreesItsDocuments() {
    String session = Api.newSession();
    Api.postJson(
        "/api/v1/documents?wait=true",
        session,
        "{\"title\": \"T\", \"text\": \"Some text here.\"}");
    assertThat(Api.delete("/api/v1/session", SESSION, session).statusCode()).isEqualTo(204);
    assertThat(Api.json(Api.get("/api/v1/documents", SESSION, session)).getInt("total_documents"))
        .isZero();
  }

  @Test
  void badInputGetsProblemsAndLosesNothing() {
    String session = Api.newSession();
    JsonObject kept =
        Api.json(
            Api.postJson(
                "/api/v1/documents?wait=true",
                session,
                "{\"title\": \"Keep\", \"text\": \"Kept safe.\"}"));

    assertProblem(
        Api.send(
            new Multipart()
                .file(
                    "file", "photo.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0})
                .post("/api/v1/documents", session)),
        415);
    assertProblem(
        Api.send(
            new Multipart()
                .file("file", "blank.txt", "text/plain", "  \n\n ".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/documents?wait=true", session)),
        422);
    assertProblem(
        Api.send(new Multipart().field("title", "no file").post("/api/v1/documents", session)),
        400);
    assertProblem(Api.postJson("/api/v1/documents", session, "{\"title\": \"x\"}"), 422);
    assertProblem(Api.postJson("/api/v1/documents", session, "{not json"), 400);
    assertProblem(Api.postJson("/api/v1/search", session, "{\"query\": \"\"}"), 422);
    assertProblem(Api.postJson("/api/v1/search", session, "{\"query\": \"a\", \"k\": 0}"), 422);
    assertProblem(Api.postJson("/api/v1/search", session, "{\"query\": \"a\", \"k\": 10000}"), 422);
    assertProblem(
        Api.postJson("/api/v1/search", session, "{\"query\": \"a\", \"mode\": \"psychic\"}"), 422);
    assertProblem(
        Api.postJson("/api/v1/search", session, "{\"query\": \"a\", \"k\": \"five\"}"), 400);

    JsonObject list = Api.json(Api.get("/api/v1/documents", SESSION, session));
    assertThat(list.getInt("total_documents")).isEqualTo(1);
    assertThat(list.getJsonArray("documents").getJsonObject(0).getString("id"))
        .isEqualTo(kept.getString("id"));
  }

  @Test
  void oversizedUploadIs413() {
    String session = Api.newSession();
    byte[] big = new byte[5 * 1024 * 1024]; // the IT server allows 4 MB
    java.util.Arrays.fill(big, (byte) 'a');
    HttpResponse<String> response =
        Api.send(
            new Multipart()
                .file("file", "big.txt", "text/plain", big)
                .post("/api/v1/documents?wait=true", session));
    JsonObject problem = assertProblem(response, 413);
    assertThat(problem.getString("detail")).contains("MB");
    assertThat(Api.get("/api/v1/session/info", SESSION, session).statusCode()).isEqualTo(200);
  }

  @Test
  void searchingAnEmptySessionFindsNothingQuietly() {
    JsonObject result =
        Api.json(Api.postJson("/api/v1/search", Api.newSession(), "{\"query\": \"anything\"}"));
    assertThat(result.getJsonArray("results")).isEmpty();
  }
}

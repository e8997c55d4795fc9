package io.cogentx.it;

import static io.cogentx.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Real PDFs from ../shared/data/pdf through the real server: pages cited, bad files explained. */
class PdfUploadIT {

  private static final Path PDFS = Path.of("../shared/data/pdf");

  private static byte[] pdf(String name) throws IOException {
    Path file = PDFS.resolve(name);
    Assumptions.assumeTrue(
        Files.isRegularFile(file), "SKIPPED: " + file.toAbsolutePath() + " is absent");
    return Files.readAllBytes(file);
  }

  private static HttpResponse<String> upload(String session, String name, String... fields)
      throws IOException {
    Multipart form = new Multipart().file("file", name, "application/pdf", pdf(name));
    for (int i = 0; i + 1 < fields.length; i += 2) {
      form.field(fields[i], fields[i + 1]);
    }
    return Api.send(form.post("/api/v1/documents?wait=true", session));
  }

  @Test
  void threeColumnFederalRegisterIsSearchableWithPageNumbers() throws IOException {
    String session = Api.newSession();
    HttpResponse<String> response = upload(session, "federal-register-2020-17221.pdf");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(Api.json(response).getString("loader")).isEqualTo("pdf");
    JsonObject top =
        Api.json(
                Api.postJson(
                    "/api/v1/search",
                    session,
                    "{\"query\": \"deadline for comments on the proposed AD\", \"k\": 5}"))
            .getJsonArray("results")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(hit -> hit.getString("text").contains("September 21, 2020"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("comment deadline not among the top 5"));
    assertThat(top.getInt("page")).isIn(1, 6, 15); // the pages that state it
  }

  @Test
  void aPdfNamedAsTextIsReadAsAPdfByItsContent() throws IOException {
    String session = Api.newSession();
    HttpResponse<String> response =
        Api.send(
            new Multipart()
                .file("file", "notes.txt", "text/plain", pdf("google-doc-document.pdf"))
                .post("/api/v1/documents?wait=true", session));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(Api.json(response).getString("loader")).isEqualTo("pdf");
    assertThat(Api.json(response).getString("media_type")).isEqualTo("application/pdf");
  }

  @Test
  void passwordProtectedPdfAsksForThePasswordAndOpensWithIt() throws IOException {
    String session = Api.newSession();
    JsonObject problem = assertProblem(upload(session, "crazyones-encrypted-256.pdf"), 422);
    assertThat(problem.getString("detail")).containsIgnoringCase("password");
    assertThat(problem.getString("reason")).isEqualTo("password-required");

    HttpResponse<String> unlocked =
        upload(session, "crazyones-encrypted-256.pdf", "password", "password");
    assertThat(unlocked.statusCode()).as(unlocked.body()).isEqualTo(201);
  }

  @Test
  void brokenAndEmptyFilesGetSpecificReasonsAndTheServerCarriesOn() throws IOException {
    String session = Api.newSession();
    assertThat(assertProblem(upload(session, "empty.pdf"), 422).getString("reason"))
        .isEqualTo("empty");
    assertThat(assertProblem(upload(session, "invalid.pdf"), 422).getString("reason"))
        .isEqualTo("damaged");
    assertThat(
            assertProblem(upload(session, "federal-register-2020-17221.TRUNCATED.pdf"), 422)
                .getString("reason"))
        .isEqualTo("damaged");
    assertThat(Api.get("/health/ready").statusCode()).isEqualTo(200);
    assertThat(
            Api.json(Api.get("/api/v1/documents", Api.SESSION, session)).getInt("total_documents"))
        .isZero();
  }
}

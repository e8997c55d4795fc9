package io.cogentx.it;

import static io.cogentx.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A session's document quota, on the second test server ({@code MAX_DOCUMENTS_PER_SESSION=2}):
 * checked once, when the upload arrives, counting the uploads still being indexed.
 */
class QuotaIT {

  private static final String BASE =
      System.getProperty("it.expiry.base.url", "http://127.0.0.1:18081");

  private static HttpResponse<String> addText(String session, String text) {
    return Api.send(
        HttpRequest.newBuilder(URI.create(BASE + "/api/v1/documents"))
            .header(Api.SESSION, session)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"title\": \"note\", \"text\": " + Api.quote(text) + "}")));
  }

  @Test
  void theThirdDocumentIsRefusedAtOnceWithTheLimit() {
    String session = java.util.UUID.randomUUID().toString();
    assertThat(addText(session, "First note about herons.").statusCode()).isEqualTo(202);
    assertThat(addText(session, "Second note about gulls.").statusCode()).isEqualTo(202);

    JsonObject problem = assertProblem(addText(session, "Third note about terns."), 422);
    assertThat(problem.getString("reason")).isEqualTo("too-many-documents");
    assertThat(problem.getInt("limit")).isEqualTo(2);
    assertThat(problem.getString("detail")).contains("maximum of 2 documents");

    // another session is not affected
    assertThat(addText(java.util.UUID.randomUUID().toString(), "Elsewhere.").statusCode())
        .isEqualTo(202);
  }
}

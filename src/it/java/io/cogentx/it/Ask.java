package io.cogentx.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;

/** Helpers of the ask tests: documents in, questions out. */
final class Ask {

  static final String NOT_FOUND = "I could not find this in your documents.";

  static final String LIGHTHOUSE =
      "The keeper of the Skerryvore lighthouse trimmed the wicks every evening at dusk. Whale oil"
          + " was replaced by paraffin in the nineteenth century. A supply boat reached the rock"
          + " once a fortnight when the sea allowed.";

  private Ask() {}

  /** Adds a text document and returns its id (synchronously: {@code ?wait=true}). */
  static String addText(String session, String title, String text) {
    HttpResponse<String> r =
        Api.postJson(
            "/api/v1/documents?wait=true",
            session,
            "{\"title\": " + Api.quote(title) + ", \"text\": " + Api.quote(text) + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return Api.json(r).getString("id");
  }

  static String body(String question) {
    return "{\"question\": " + Api.quote(question) + "}";
  }

  /** The JSON reply to a question. */
  static JsonObject json(String session, String question) {
    HttpResponse<String> r =
        Api.send(
            Api.request("/api/v1/ask")
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header(Api.SESSION, session)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body(question))));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Api.json(r);
  }
}

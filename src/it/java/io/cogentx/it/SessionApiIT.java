package io.cogentx.it;

import static io.cogentx.it.Api.SESSION;
import static io.cogentx.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionApiIT {

  private static final String UUID_V4 =
      "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  @Test
  void noHeaderStartsANewSessionAndReturnsItsId() {
    HttpResponse<String> response = Api.get("/api/v1/session/info");

    assertThat(response.statusCode()).isEqualTo(200);
    String id = response.headers().firstValue(SESSION).orElseThrow();
    assertThat(id).matches(UUID_V4);
    JsonObject info = Api.json(response);
    assertThat(info.getString("session_id")).isEqualTo(id);
    assertThat(info.getInt("total_documents")).isZero();
    assertThat(info.getInt("total_chunks")).isZero();
    assertThat(info.getString("last_access")).endsWith("Z");
    assertThat(Instant.parse(info.getString("last_access"))).isBefore(Instant.now().plusSeconds(5));
  }

  @Test
  void headerRoundTripsAndKeepsTheSameSession() {
    String id = Api.newSession();
    JsonObject first = Api.json(Api.get("/api/v1/session/info", SESSION, id));
    HttpResponse<String> second = Api.get("/api/v1/session/info", SESSION, id);

    assertThat(second.headers().firstValue(SESSION)).contains(id);
    assertThat(Api.json(second).getString("created_at")).isEqualTo(first.getString("created_at"));
  }

  @Test
  void unknownButValidIdGetsAFreshEmptySession() {
    String id = UUID.randomUUID().toString();
    HttpResponse<String> response = Api.get("/api/v1/session/info", SESSION, id);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue(SESSION)).contains(id);
    assertThat(Api.json(response).getInt("total_documents")).isZero();
  }

  @Test
  void upperCaseIdIsTheSameSessionInCanonicalForm() {
    String id = Api.newSession();
    HttpResponse<String> response =
        Api.get("/api/v1/session/info", SESSION, id.toUpperCase(Locale.ROOT));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue(SESSION)).contains(id);
    assertThat(Api.json(response).getString("session_id")).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../../etc",
        "abc123",
        "../../etc/passwd",
        "c232ab00-9414-11ec-b3c8-9f6bdeced846", // UUID v1
        "{0b8e5c7e-3f5a-4d2b-9c1e-7a6f5e4d3c2b}",
        "0b8e5c7e3f5a4d2b9c1e7a6f5e4d3c2b"
      })
  void invalidIdsAreRefusedWithAProblemAndCreateNothing(String bad) {
    int before = adminCount();
    HttpResponse<String> response = Api.get("/api/v1/session/info", SESSION, bad);

    JsonObject problem = assertProblem(response, 400);
    assertThat(problem.getString("detail")).contains("UUID");
    assertThat(problem.getString("type")).endsWith("invalid-session-id");
    assertThat(response.body()).doesNotContain(bad);
    assertThat(adminCount())
        .isLessThanOrEqualTo(before + 5); // other tests may create a few meanwhile
    assertThat(Api.get("/api/v1/session/info").statusCode()).isEqualTo(200);
  }

  @Test
  void deleteEndsTheSessionAndTheIdThenStartsFresh() {
    String id = Api.newSession();
    String created = Api.json(Api.get("/api/v1/session/info", SESSION, id)).getString("created_at");

    assertThat(Api.delete("/api/v1/session", SESSION, id).statusCode()).isEqualTo(204);
    assertThat(adminListing()).doesNotContain(hashOf(id));

    JsonObject after = Api.json(Api.get("/api/v1/session/info", SESSION, id));
    assertThat(Instant.parse(after.getString("created_at"))).isAfter(Instant.parse(created));
  }

  @Test
  void unknownApiPathIsAProblemNotAnErrorPage() {
    assertProblem(Api.get("/api/v1/no-such-thing"), 404);
  }

  @Test
  void wrongMethodIsAProblem() {
    HttpResponse<String> response =
        Api.send(
            Api.request("/api/v1/session/info")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
    assertProblem(response, 405);
  }

  static int adminCount() {
    return Api.json(Api.get("/api/v1/admin/sessions", "Authorization", "Bearer " + Api.ADMIN_TOKEN))
        .getInt("count");
  }

  static String adminListing() {
    return Api.get("/api/v1/admin/sessions", "Authorization", "Bearer " + Api.ADMIN_TOKEN).body();
  }

  static String hashOf(String id) {
    try {
      byte[] d =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(id.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return java.util.HexFormat.of().formatHex(d, 0, 5);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

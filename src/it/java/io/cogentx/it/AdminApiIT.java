package io.cogentx.it;

import static io.cogentx.it.Api.SESSION;
import static io.cogentx.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class AdminApiIT {

  @Test
  void withoutCredentialTheAdminApiAsksForIt() {
    HttpResponse<String> response = Api.get("/api/v1/admin/sessions");

    assertProblem(response, 401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
  }

  @Test
  void wrongCredentialIsRefused() {
    assertProblem(Api.get("/api/v1/admin/sessions", "Authorization", "Bearer wrong"), 401);
    assertProblem(Api.get("/api/v1/admin/sessions", "Authorization", "Basic Zm9vOmJhcg=="), 401);
  }

  @Test
  void withCredentialListsSessionsByHashNeverById() {
    String id = Api.newSession();
    HttpResponse<String> response =
        Api.get("/api/v1/admin/sessions", "Authorization", "Bearer " + Api.ADMIN_TOKEN);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject body = Api.json(response);
    assertThat(body.getInt("count")).isPositive();
    assertThat(body.getJsonArray("sessions").size()).isEqualTo(body.getInt("count"));
    assertThat(response.body()).contains(SessionApiIT.hashOf(id)).doesNotContain(id);
    JsonObject mine =
        body.getJsonArray("sessions").getValuesAs(JsonObject.class).stream()
            .filter(s -> s.getString("session_hash").equals(SessionApiIT.hashOf(id)))
            .findFirst()
            .orElseThrow();
    assertThat(mine.keySet()).contains("created_at", "last_access", "documents", "chunks", "bytes");
  }

  @Test
  void adminRequestsCreateNoSession() {
    HttpResponse<String> response =
        Api.get("/api/v1/admin/sessions", "Authorization", "Bearer " + Api.ADMIN_TOKEN);
    assertThat(response.headers().firstValue(SESSION)).isEmpty();
  }
}

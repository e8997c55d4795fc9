package io.cogentx.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;

/** Checks that a response is an RFC 9457 problem a person can act on. */
final class ProblemAssert {

  private ProblemAssert() {}

  static JsonObject assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
    JsonObject problem = Api.json(response);
    assertThat(problem.getInt("status")).isEqualTo(status);
    assertThat(problem.getString("type")).isNotBlank();
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("detail")).hasSizeGreaterThan(20);
    assertThat(response.body()).doesNotContain("Exception", "\tat ", ".java:");
    return problem;
  }
}

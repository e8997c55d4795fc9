package io.cogentx.api.problem;

import io.cogentx.problem.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Writes a problem as an HTTP response. */
public final class ProblemResponses {

  private ProblemResponses() {}

  /**
   * An {@code application/problem+json} response; a {@code retry_after_seconds} member also becomes
   * a {@code Retry-After} header, a 401 gets its {@code WWW-Authenticate} challenge. Other headers
   * are added by the caller.
   */
  public static Response.ResponseBuilder of(Problem problem) {
    Response.ResponseBuilder response =
        Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.toJson());
    problem.retryAfterSeconds().ifPresent(s -> response.header(HttpHeaders.RETRY_AFTER, s));
    if (problem.status() == 401) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"cogentx\"");
    }
    return response;
  }
}

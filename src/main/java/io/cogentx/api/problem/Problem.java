package io.cogentx.api.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * An RFC 9457 problem detail.
 *
 * @param type URI naming the kind of problem
 * @param title short summary of the kind
 * @param status HTTP status
 * @param detail what went wrong this time and what to do about it
 * @param instance the request path
 * @param extensions extra members (e.g. {@code max_bytes}), written at the top level
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    Map<String, Object> extensions) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /**
   * A problem response; a {@code retry_after_seconds} member also becomes a {@code Retry-After}
   * header. Other headers are added by the caller.
   */
  public Response.ResponseBuilder toResponse() {
    Response.ResponseBuilder response =
        Response.status(status).type(MEDIA_TYPE).entity(ProblemJson.write(this));
    if (extensions != null && extensions.get(Failures.RETRY_AFTER) instanceof Number seconds) {
      response.header(HttpHeaders.RETRY_AFTER, seconds.longValue());
    }
    return response;
  }

  /** The problem as a JSON object, e.g. for an SSE {@code error} event. */
  public String toJson() {
    return ProblemJson.write(this);
  }

  public Problem at(String path) {
    return new Problem(type, title, status, detail, path, extensions);
  }
}

package io.cogentx.problem;

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

  /** The extension member that also becomes a {@code Retry-After} header. */
  public static final String RETRY_AFTER = "retry_after_seconds";

  /** The problem as a JSON object, e.g. for an SSE {@code error} event. */
  public String toJson() {
    return ProblemJson.write(this);
  }

  /** Seconds the client should wait before trying again, if the problem says so. */
  public java.util.OptionalLong retryAfterSeconds() {
    return extensions != null && extensions.get(RETRY_AFTER) instanceof Number seconds
        ? java.util.OptionalLong.of(seconds.longValue())
        : java.util.OptionalLong.empty();
  }

  public Problem at(String path) {
    return new Problem(type, title, status, detail, path, extensions);
  }
}

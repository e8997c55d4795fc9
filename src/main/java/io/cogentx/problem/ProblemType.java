package io.cogentx.problem;

import java.util.Map;

/** The kinds of problem the API reports; each has a stable type URI, a title and an HTTP status. */
public enum ProblemType {
  INVALID_SESSION_ID(400, "Invalid session id"),
  BAD_REQUEST(400, "Bad request"),
  INVALID_JSON(400, "Malformed request body"),
  UNAUTHORIZED(401, "Authentication required"),
  ADMIN_DISABLED(403, "Admin API disabled"),
  NOT_FOUND(404, "Not found"),
  METHOD_NOT_ALLOWED(405, "Method not allowed"),
  NOT_ACCEPTABLE(406, "Not acceptable"),
  REQUEST_TIMEOUT(408, "Request body too slow"),
  SESSION_ENDED(409, "Session ended"),
  EMBEDDING_MISMATCH(409, "Embedding model mismatch"),
  JOB_ENDED(409, "Job already ended"),
  JOB_CANCELLED(409, "Upload cancelled"),
  PAYLOAD_TOO_LARGE(413, "Payload too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
  RANGE_NOT_SATISFIABLE(416, "Range not satisfiable"),
  UNPROCESSABLE(422, "Unprocessable content"),
  TOO_MANY_REQUESTS(429, "Too many requests"),
  GENERATION_FAILED(502, "Answer generation failed"),
  TOO_MANY_SESSIONS(503, "Too many sessions"),
  UNAVAILABLE(503, "Service unavailable"),
  UPLOAD_INTERRUPTED(503, "Upload interrupted"),
  INTERNAL(500, "Internal error");

  private static final String BASE = "tag:cogentx.io,2026:problem:";

  private final int status;
  private final String title;

  ProblemType(int status, String title) {
    this.status = status;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String uri() {
    return BASE + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  public Problem with(String detail) {
    return with(detail, Map.of());
  }

  public Problem with(String detail, Map<String, Object> extensions) {
    return new Problem(uri(), title, status, detail, null, extensions);
  }

  public ProblemException exception(String detail) {
    return new ProblemException(with(detail));
  }

  /**
   * The type for a status the API did not choose itself (e.g. a JAX-RS 405): the general one where
   * a status has several (a 400 is a bad request, not an invalid session id).
   */
  public static ProblemType forStatus(int status) {
    switch (status) {
      case 400:
        return BAD_REQUEST;
      case 503:
        return UNAVAILABLE;
      default:
        break;
    }
    for (ProblemType type : values()) {
      if (type.status == status) {
        return type;
      }
    }
    return status >= 500 ? INTERNAL : BAD_REQUEST;
  }
}

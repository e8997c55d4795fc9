package io.cogentx.api.problem;

import io.cogentx.api.UploadLimitFilter;
import io.cogentx.application.Failures;
import io.cogentx.problem.Problem;
import io.cogentx.problem.ProblemException;
import io.cogentx.problem.ProblemType;
import io.cogentx.session.SessionLimitExceededException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * The one way every exception that reaches JAX-RS becomes a response: the problem for it (what the
 * request itself got wrong is decided here; everything else by {@link Failures}, which also
 * describes failed background jobs), written by {@link ProblemResponses}.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

  /** How long a client turned away because the server holds too many sessions should wait. */
  static final int FULL_RETRY_AFTER_SECONDS = 60;

  @Context UriInfo uri;
  @Context HttpHeaders headers;

  @Override
  public Response toResponse(Throwable e) {
    MediaType sent = headers == null ? null : headers.getMediaType();
    Response.ResponseBuilder response =
        ProblemResponses.of(
            problem(e, sent).at(uri == null ? null : uri.getRequestUri().getRawPath()));
    if (e instanceof NotAllowedException notAllowed) {
      response.header(
          HttpHeaders.ALLOW, notAllowed.getResponse().getHeaderString(HttpHeaders.ALLOW));
    }
    return response.build();
  }

  /**
   * The problem for an exception.
   *
   * @param sent the Content-Type of the request, if it had one (it says what a 400 could not read)
   */
  static Problem problem(Throwable e, MediaType sent) {
    Problem tooLarge = uploadTooLarge(e);
    if (tooLarge != null) {
      return tooLarge;
    }
    return switch (e) {
      case ProblemException raised -> raised.problem();
      case JsonbException unbindable -> malformed();
      case JsonParsingException unparsable -> malformed();
      case ProcessingException unreadable -> malformed();
      case WebApplicationException web -> jaxrs(web, sent);
      case SessionLimitExceededException full ->
          ProblemType.TOO_MANY_SESSIONS.with(
              "The server holds its maximum of "
                  + full.maxSessions()
                  + " sessions; existing sessions keep working. Try again later.",
              Map.of(Problem.RETRY_AFTER, FULL_RETRY_AFTER_SECONDS));
      default -> Failures.of(e);
    };
  }

  /**
   * A body read that passed the upload limit, or arrived too slowly, surfaces wrapped in the
   * reader's own exception.
   */
  private static Problem uploadTooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UploadLimitFilter.TooLargeException tooLarge
          && tooLarge.problem() instanceof ProblemException problem) {
        return problem.problem();
      }
      if (t instanceof UploadLimitFilter.TooSlowException tooSlow
          && tooSlow.problem() instanceof ProblemException problem) {
        return problem.problem();
      }
    }
    return null;
  }

  /** What to do about a body the server could not read, by what it was sent as. */
  private static String unreadable(MediaType sent) {
    if (sent == null) {
      return "The request body could not be read: it has no Content-Type. Send a file as"
          + " multipart/form-data, JSON as application/json.";
    }
    if (sent.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
      return "The multipart/form-data body could not be read. Send the file in a part named"
          + " 'file' whose file name is short (under 1,000 characters) and has no control"
          + " characters, with a boundary that matches the Content-Type header and at most a few"
          + " thousand parts.";
    }
    return "The request body could not be read as "
        + sent.getType()
        + "/"
        + sent.getSubtype()
        + "; see /api/docs for what this endpoint takes.";
  }

  private static Problem malformed() {
    return ProblemType.INVALID_JSON.with(
        "The request body is not valid JSON for this endpoint; see /api/docs for its schema.");
  }

  /** JAX-RS's own errors: unknown path, wrong method, unsupported media type, and so on. */
  private static Problem jaxrs(WebApplicationException e, MediaType sent) {
    Throwable cause = e.getCause();
    if (cause instanceof JsonbException || cause instanceof JsonParsingException) {
      return malformed();
    }
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return Failures.of(e);
    }
    String detail =
        switch (status) {
          case 400 -> unreadable(sent);
          case 404 -> "Nothing here. The API is under /api/v1; see /api/docs.";
          case 405 ->
              "This method is not allowed here; allowed: "
                  + String.join(", ", e.getResponse().getAllowedMethods())
                  + ".";
          case 406 -> "The server cannot produce the media type in Accept.";
          case 415 -> "The server does not accept this Content-Type here; see /api/docs.";
          default -> "The request could not be processed: " + e.getResponse().getStatusInfo() + ".";
        };
    ProblemType type = ProblemType.forStatus(status);
    return new Problem(type.uri(), type.title(), status, detail, null, Map.of());
  }
}

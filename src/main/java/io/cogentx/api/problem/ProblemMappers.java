package io.cogentx.api.problem;

import io.cogentx.api.UploadLimitFilter;
import io.cogentx.session.SessionClosedException;
import io.cogentx.session.SessionLimitExceededException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** Turns every exception that reaches JAX-RS into a problem response. */
public final class ProblemMappers {

  private ProblemMappers() {}

  private static String path(UriInfo uri) {
    return uri == null ? null : uri.getRequestUri().getRawPath();
  }

  /** A body read that passed the upload limit surfaces wrapped in the reader's own exception. */
  private static Response uploadTooLarge(Throwable e, UriInfo uri) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UploadLimitFilter.TooLargeException tooLarge
          && tooLarge.problem() instanceof ProblemException problem) {
        return problem.problem().at(path(uri)).toResponse().build();
      }
    }
    return null;
  }

  /** Problems raised on purpose. */
  @Provider
  public static class Raised implements ExceptionMapper<ProblemException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(ProblemException e) {
      Response.ResponseBuilder response = e.problem().at(path(uri)).toResponse();
      if (e.problem().status() == 401) {
        response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"cogentx\"");
      }
      return response.build();
    }
  }

  /** JAX-RS's own errors: unknown path, wrong method, unsupported media type, and so on. */
  @Provider
  public static class Jaxrs implements ExceptionMapper<WebApplicationException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
      Response tooLarge = uploadTooLarge(e, uri);
      if (tooLarge != null) {
        return tooLarge;
      }
      Throwable cause = e.getCause();
      if (cause instanceof JsonbException || cause instanceof JsonParsingException) {
        return new Malformed().problem(path(uri));
      }
      int status = e.getResponse().getStatus();
      if (status >= 500) {
        return new Unexpected().toResponse(e);
      }
      ProblemType type = ProblemType.forStatus(status);
      String detail =
          switch (status) {
            case 404 -> "Nothing here. The API is under /api/v1; see /api/docs.";
            case 405 ->
                "This method is not allowed here; allowed: "
                    + String.join(", ", e.getResponse().getAllowedMethods())
                    + ".";
            case 406 -> "The server cannot produce the media type in Accept.";
            case 415 -> "The server does not accept this Content-Type here; see /api/docs.";
            default ->
                "The request could not be processed: " + e.getResponse().getStatusInfo() + ".";
          };
      Response.ResponseBuilder response =
          new Problem(type.uri(), type.title(), status, detail, path(uri), Map.of()).toResponse();
      if (e instanceof NotAllowedException) {
        response.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
      }
      return response.build();
    }
  }

  /** Request bodies that are not valid JSON for the endpoint. */
  @Provider
  public static class Malformed implements ExceptionMapper<ProcessingException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(ProcessingException e) {
      Response tooLarge = uploadTooLarge(e, uri);
      return tooLarge != null ? tooLarge : problem(path(uri));
    }

    Response problem(String path) {
      return ProblemType.INVALID_JSON
          .with(
              "The request body is not valid JSON for this endpoint; see /api/docs for its schema.")
          .at(path)
          .toResponse()
          .build();
    }
  }

  /** Bodies JSON-B could not bind (syntax errors, wrong types). */
  @Provider
  public static class Unbindable implements ExceptionMapper<JsonbException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(JsonbException e) {
      Response tooLarge = uploadTooLarge(e, uri);
      return tooLarge != null ? tooLarge : new Malformed().problem(path(uri));
    }
  }

  /** The server is full: the client should come back later. */
  @Provider
  public static class Full implements ExceptionMapper<SessionLimitExceededException> {
    static final int RETRY_AFTER_SECONDS = 60;
    @Context UriInfo uri;

    @Override
    public Response toResponse(SessionLimitExceededException e) {
      return ProblemType.TOO_MANY_SESSIONS
          .with(
              "The server holds its maximum of "
                  + e.maxSessions()
                  + " sessions; existing sessions keep working. Try again later.",
              Map.of(Failures.RETRY_AFTER, RETRY_AFTER_SECONDS))
          .at(path(uri))
          .toResponse()
          .build();
    }
  }

  /** The session was deleted or expired while the request ran. */
  @Provider
  public static class Ended implements ExceptionMapper<SessionClosedException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(SessionClosedException e) {
      return ProblemType.SESSION_ENDED.with(e.getMessage()).at(path(uri)).toResponse().build();
    }
  }

  /** Anything else: a 500 with an incident id that is also in the log; never a stack trace. */
  @Provider
  public static class Unexpected implements ExceptionMapper<Throwable> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(Throwable e) {
      Response tooLarge = uploadTooLarge(e, uri);
      if (tooLarge != null) {
        return tooLarge;
      }
      return Failures.unexpected(e).at(path(uri)).toResponse().build();
    }
  }
}

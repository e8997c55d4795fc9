package io.cogentx.api.problem;

import io.cogentx.knowledge.RetrievalRuntime;
import io.cogentx.retrieval.EmbeddingMismatchException;
import io.cogentx.retrieval.FairEmbedder;
import io.cogentx.retrieval.QuotaExceededException;
import io.cogentx.spi.DocumentException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** Problems for what documents and search can run into. */
public final class DomainMappers {

  private DomainMappers() {}

  private static String path(UriInfo uri) {
    return uri == null ? null : uri.getRequestUri().getRawPath();
  }

  /** A document that cannot be read: the loader's message, with a status for its reason. */
  @Provider
  public static class Unreadable implements ExceptionMapper<DocumentException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(DocumentException e) {
      ProblemType type =
          switch (e.reason()) {
            case UNSUPPORTED_FORMAT -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case TOO_LARGE -> ProblemType.PAYLOAD_TOO_LARGE;
            case PASSWORD_REQUIRED, DAMAGED, EMPTY -> ProblemType.UNPROCESSABLE;
          };
      String reason = e.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      return type.with(e.getMessage(), Map.of("reason", reason)).at(path(uri)).toResponse().build();
    }
  }

  /** The session is full. */
  @Provider
  public static class Quota implements ExceptionMapper<QuotaExceededException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(QuotaExceededException e) {
      return ProblemType.UNPROCESSABLE
          .with(
              e.getMessage(),
              Map.of(
                  "reason",
                  e.kind() == QuotaExceededException.Kind.DOCUMENTS
                      ? "too-many-documents"
                      : "too-many-chunks",
                  "limit",
                  e.limit()))
          .at(path(uri))
          .toResponse()
          .build();
    }
  }

  /** Embedding queue full, or the model still loading: come back shortly. */
  @Provider
  public static class Busy implements ExceptionMapper<FairEmbedder.EmbedderBusyException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(FairEmbedder.EmbedderBusyException e) {
      return unavailable(e.getMessage(), path(uri), 5);
    }
  }

  /** Retrieval not started (yet). */
  @Provider
  public static class NotReady implements ExceptionMapper<RetrievalRuntime.NotReadyException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(RetrievalRuntime.NotReadyException e) {
      return unavailable(e.getMessage(), path(uri), 10);
    }
  }

  /** An index from another embedding model. */
  @Provider
  public static class Mismatch implements ExceptionMapper<EmbeddingMismatchException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(EmbeddingMismatchException e) {
      return ProblemType.EMBEDDING_MISMATCH.with(e.getMessage()).at(path(uri)).toResponse().build();
    }
  }

  static Response unavailable(String detail, String path, int retryAfterSeconds) {
    return ProblemType.UNAVAILABLE
        .with(detail, Map.of("retry_after_seconds", retryAfterSeconds))
        .at(path)
        .toResponse()
        .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
        .build();
  }
}

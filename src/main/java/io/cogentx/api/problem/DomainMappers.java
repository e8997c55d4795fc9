package io.cogentx.api.problem;

import io.cogentx.jobs.IngestQueue;
import io.cogentx.knowledge.RetrievalRuntime;
import io.cogentx.retrieval.EmbeddingMismatchException;
import io.cogentx.retrieval.FairEmbedder;
import io.cogentx.retrieval.QuotaExceededException;
import io.cogentx.spi.DocumentException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Problems for what documents and search can run into (see {@link Failures}). */
public final class DomainMappers {

  private DomainMappers() {}

  private static Response respond(Throwable e, UriInfo uri) {
    return Failures.of(e)
        .at(uri == null ? null : uri.getRequestUri().getRawPath())
        .toResponse()
        .build();
  }

  /** A document that cannot be read: the loader's message, with a status for its reason. */
  @Provider
  public static class Unreadable implements ExceptionMapper<DocumentException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(DocumentException e) {
      return respond(e, uri);
    }
  }

  /** The session is full. */
  @Provider
  public static class Quota implements ExceptionMapper<QuotaExceededException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(QuotaExceededException e) {
      return respond(e, uri);
    }
  }

  /** Embedding queue full: come back shortly. */
  @Provider
  public static class Busy implements ExceptionMapper<FairEmbedder.EmbedderBusyException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(FairEmbedder.EmbedderBusyException e) {
      return respond(e, uri);
    }
  }

  /** Too many uploads waiting (for this session: 429; for the server: 503), with Retry-After. */
  @Provider
  public static class QueueFull implements ExceptionMapper<IngestQueue.FullException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(IngestQueue.FullException e) {
      return respond(e, uri);
    }
  }

  /** Retrieval not started (yet). */
  @Provider
  public static class NotReady implements ExceptionMapper<RetrievalRuntime.NotReadyException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(RetrievalRuntime.NotReadyException e) {
      return respond(e, uri);
    }
  }

  /** An index from another embedding model. */
  @Provider
  public static class Mismatch implements ExceptionMapper<EmbeddingMismatchException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(EmbeddingMismatchException e) {
      return respond(e, uri);
    }
  }
}

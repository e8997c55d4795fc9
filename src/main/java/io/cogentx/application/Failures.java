package io.cogentx.application;

import io.cogentx.jobs.IngestQueue;
import io.cogentx.jobs.UploadInterruptedException;
import io.cogentx.problem.Problem;
import io.cogentx.problem.ProblemException;
import io.cogentx.problem.ProblemType;
import io.cogentx.retrieval.ArchiveException;
import io.cogentx.retrieval.EmbeddingMismatchException;
import io.cogentx.retrieval.FairEmbedder;
import io.cogentx.retrieval.QuotaExceededException;
import io.cogentx.session.SessionClosedException;
import io.cogentx.spi.DocumentException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The problem a user is shown for what went wrong while a document was added: the same whether it
 * failed in the request (the API's exception mapper) or in a background job (the job's {@code
 * problem}). Anything unforeseen becomes a 500 with an incident id that is also logged, never a
 * stack trace.
 */
public final class Failures {

  private static final Logger LOG = Logger.getLogger(Failures.class.getName());

  private Failures() {}

  public static Problem of(Throwable e) {
    return switch (e) {
      case ProblemException raised -> raised.problem();
      case DocumentException unreadable -> unreadable(unreadable);
      case QuotaExceededException quota -> quota(quota);
      case FairEmbedder.EmbedderBusyException busy -> unavailable(busy.getMessage(), 5);
      case RetrievalRuntime.NotReadyException notReady -> unavailable(notReady.getMessage(), 10);
      case IngestQueue.FullException full ->
          full.session()
              ? ProblemType.TOO_MANY_REQUESTS.with(
                  full.getMessage(), Map.of(Problem.RETRY_AFTER, 10))
              : unavailable(full.getMessage(), 10);
      case RejectedExecutionException stopping -> unavailable(stopping.getMessage(), 30);
      case EmbeddingMismatchException mismatch ->
          ProblemType.EMBEDDING_MISMATCH.with(mismatch.getMessage());
      case SessionClosedException ended -> ProblemType.SESSION_ENDED.with(ended.getMessage());
      case ArchiveException archive ->
          ProblemType.UNPROCESSABLE.with(archive.getMessage(), Map.of("reason", "invalid-archive"));
      case UploadInterruptedException interrupted ->
          ProblemType.UPLOAD_INTERRUPTED.with(interrupted.getMessage());
      default -> unexpected(e);
    };
  }

  private static Problem unreadable(DocumentException e) {
    ProblemType type =
        switch (e.reason()) {
          case UNSUPPORTED_FORMAT -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
          case TOO_LARGE -> ProblemType.PAYLOAD_TOO_LARGE;
          case PASSWORD_REQUIRED, DAMAGED, EMPTY -> ProblemType.UNPROCESSABLE;
          case UNAVAILABLE -> ProblemType.UNAVAILABLE;
        };
    String reason = e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
    return e.reason() == DocumentException.Reason.UNAVAILABLE
        ? type.with(e.getMessage(), Map.of("reason", reason, Problem.RETRY_AFTER, 30))
        : type.with(e.getMessage(), Map.of("reason", reason));
  }

  private static Problem quota(QuotaExceededException e) {
    return ProblemType.UNPROCESSABLE.with(
        e.getMessage(),
        Map.of(
            "reason",
            switch (e.kind()) {
              case DOCUMENTS -> "too-many-documents";
              case CHUNKS -> "too-many-chunks";
              case BYTES -> "too-many-bytes";
            },
            "limit",
            e.limit()));
  }

  private static Problem unavailable(String detail, int retryAfterSeconds) {
    return ProblemType.UNAVAILABLE.with(detail, Map.of(Problem.RETRY_AFTER, retryAfterSeconds));
  }

  public static Problem unexpected(Throwable e) {
    String incident = UUID.randomUUID().toString().substring(0, 8);
    LOG.log(Level.SEVERE, e, () -> "Unexpected error, incident " + incident);
    return ProblemType.INTERNAL.with(
        "Something went wrong on our side (incident " + incident + "). Please try again.",
        Map.of("incident", incident));
  }
}

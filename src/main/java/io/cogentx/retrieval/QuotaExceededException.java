package io.cogentx.retrieval;

/** A session would hold more than it may: too many documents, chunks or uploaded bytes. */
public final class QuotaExceededException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What ran out. */
  public enum Kind {
    DOCUMENTS,
    CHUNKS,
    BYTES
  }

  private final Kind kind;
  private final long limit;

  public QuotaExceededException(Kind kind, long limit, String message) {
    super(message, null, false, false);
    this.kind = kind;
    this.limit = limit;
  }

  public Kind kind() {
    return kind;
  }

  public long limit() {
    return limit;
  }
}

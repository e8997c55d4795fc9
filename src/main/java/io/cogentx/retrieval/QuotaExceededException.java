package io.cogentx.retrieval;

/** A session would hold more than it may: too many documents or chunks. */
public final class QuotaExceededException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What ran out. */
  public enum Kind {
    DOCUMENTS,
    CHUNKS
  }

  private final Kind kind;
  private final int limit;

  public QuotaExceededException(Kind kind, int limit, String message) {
    super(message, null, false, false);
    this.kind = kind;
    this.limit = limit;
  }

  public Kind kind() {
    return kind;
  }

  public int limit() {
    return limit;
  }
}

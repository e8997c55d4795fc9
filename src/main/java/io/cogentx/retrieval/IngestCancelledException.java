package io.cogentx.retrieval;

/** The user cancelled an ingestion; nothing was added to the session. */
public final class IngestCancelledException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public IngestCancelledException() {
    super("Cancelled; the document was not added.", null, false, false);
  }
}

package io.cogentx.retrieval;

/** A session archive that cannot be imported; the message says why, for the user. */
public final class ArchiveException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ArchiveException(String message) {
    super(message, null, false, false);
  }
}

package io.cogentx.spi;

/** A document that cannot be loaded, with a reason and a message a person can act on. */
public class DocumentException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * Why a document could not be loaded; the server maps each to an HTTP status and problem type.
   */
  public enum Reason {
    UNSUPPORTED_FORMAT,
    PASSWORD_REQUIRED,
    DAMAGED,
    EMPTY,
    TOO_LARGE,
    /**
     * A service the format needs (e.g. a speech-recognition server) is unavailable now; the same
     * file may work later. Not the file's fault.
     */
    UNAVAILABLE
  }

  private final Reason reason;

  public DocumentException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public DocumentException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}

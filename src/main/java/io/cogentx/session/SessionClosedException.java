package io.cogentx.session;

/**
 * The session ended (expired or deleted) while a request was using it; the client may simply retry.
 */
public final class SessionClosedException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  public SessionClosedException() {
    super("The session ended while the request was running; please retry.");
  }
}

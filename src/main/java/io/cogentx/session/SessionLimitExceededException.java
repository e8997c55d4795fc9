package io.cogentx.session;

/** No room for another session: the configured {@code MAX_SESSIONS} are all in use. */
public final class SessionLimitExceededException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int maxSessions;

  public SessionLimitExceededException(int maxSessions) {
    super("The server holds its maximum of " + maxSessions + " sessions.");
    this.maxSessions = maxSessions;
  }

  public int maxSessions() {
    return maxSessions;
  }
}

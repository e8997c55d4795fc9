package io.cogentx.session;

/**
 * Told of session lifecycle events (for logs and metrics). Called outside any lock; must not block.
 */
public interface SessionListener {

  default void created(Session session) {}

  /** A session this server held expired. */
  default void expired(Session session) {}

  /** A session this server did not hold expired in the session store, named by its short hash. */
  default void expired(String hash) {}

  /** A session kept in the session store was opened again (after a restart or put away). */
  default void loaded(Session session) {}

  default void deleted(Session session) {}

  SessionListener NONE = new SessionListener() {};
}

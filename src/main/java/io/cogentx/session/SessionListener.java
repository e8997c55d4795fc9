package io.cogentx.session;

/**
 * Told of session lifecycle events (for logs and metrics). Called outside any lock; must not block.
 */
public interface SessionListener {

  default void created(Session session) {}

  default void expired(Session session) {}

  default void deleted(Session session) {}

  SessionListener NONE = new SessionListener() {};
}

package io.cogentx.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * All live sessions, in memory. Lookups take no lock (one {@link ConcurrentHashMap} read);
 * creation, expiry and deletion lock only the session's own map bin. A session idle for longer than
 * the timeout is removed by {@link #expireIdle()} and its resources released.
 */
public final class SessionStore {

  private final ConcurrentHashMap<SessionId, Session> sessions = new ConcurrentHashMap<>();
  private final AtomicInteger active = new AtomicInteger();
  private final Duration idleTimeout;
  private final int maxSessions;
  private final Clock clock;
  private final SessionListener listener;

  /**
   * @param idleTimeout sessions idle for longer than this expire
   * @param maxSessions most sessions held at once; 0 for no limit
   */
  public SessionStore(
      Duration idleTimeout, int maxSessions, Clock clock, SessionListener listener) {
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idle timeout must be positive: " + idleTimeout);
    }
    if (maxSessions < 0) {
      throw new IllegalArgumentException(
          "maxSessions must be 0 (no limit) or positive: " + maxSessions);
    }
    this.idleTimeout = idleTimeout;
    this.maxSessions = maxSessions;
    this.clock = Objects.requireNonNull(clock);
    this.listener = Objects.requireNonNull(listener);
  }

  public Duration idleTimeout() {
    return idleTimeout;
  }

  /**
   * The session with this id, created (empty) if there is none, and marked as used now.
   *
   * @throws SessionLimitExceededException when a new session is needed but the store is full
   */
  public Session getOrCreate(SessionId id) {
    while (true) {
      Session session = sessions.get(id);
      if (session == null) {
        Session[] created = new Session[1];
        session =
            sessions.computeIfAbsent(
                id,
                key -> {
                  reserveSlot();
                  created[0] = new Session(key, clock.instant().truncatedTo(ChronoUnit.MILLIS));
                  return created[0];
                });
        if (created[0] != null) {
          listener.created(created[0]);
        }
      }
      // Expiry closes a session atomically with its idle check; if it came first, use a fresh one.
      if (session.touchIfOpen(clock.instant())) {
        return session;
      }
    }
  }

  /** A new session with a random id. */
  public Session create() {
    return getOrCreate(SessionId.random());
  }

  /** The session, if it exists; does not count as use. */
  public Optional<Session> find(SessionId id) {
    return Optional.ofNullable(sessions.get(id));
  }

  /** Ends the session now and releases what it holds; false if there was none. */
  public boolean delete(SessionId id) {
    Session removed = removeIf(id, Session::markClosed);
    if (removed == null) {
      return false;
    }
    removed.close();
    listener.deleted(removed);
    return true;
  }

  /** Ends every session idle for longer than the timeout; returns how many ended. */
  public int expireIdle() {
    Instant now = clock.instant();
    int expired = 0;
    for (SessionId id : sessions.keySet()) {
      Session removed = removeIf(id, s -> s.closeIfIdle(idleTimeout, now));
      if (removed != null) {
        removed.close();
        listener.expired(removed);
        expired++;
      }
    }
    return expired;
  }

  /** Ends all sessions (server shutdown) without reporting them as expired. */
  public void closeAll() {
    for (SessionId id : sessions.keySet()) {
      Session removed = removeIf(id, Session::markClosed);
      if (removed != null) {
        removed.close();
      }
    }
  }

  public int size() {
    return active.get();
  }

  /** A point-in-time copy of the live sessions, for the admin view. */
  public List<Session> snapshot() {
    return new ArrayList<>(sessions.values());
  }

  /** Removes the session if {@code closer} closes it (closing and removal in one step). */
  private Session removeIf(SessionId id, java.util.function.Predicate<Session> closer) {
    Session[] removed = new Session[1];
    sessions.computeIfPresent(
        id,
        (key, session) -> {
          if (!closer.test(session)) {
            return session;
          }
          removed[0] = session;
          return null;
        });
    if (removed[0] != null) {
      active.decrementAndGet();
    }
    return removed[0];
  }

  private void reserveSlot() {
    if (maxSessions == 0) {
      active.incrementAndGet();
      return;
    }
    int current;
    do {
      current = active.get();
      if (current >= maxSessions) {
        throw new SessionLimitExceededException(maxSessions);
      }
    } while (!active.compareAndSet(current, current + 1));
  }
}

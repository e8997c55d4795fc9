package io.cogentx.session;

import io.cogentx.spi.SessionRef;
import io.cogentx.spi.SessionStorage;
import io.cogentx.spi.StoredDocument;
import io.cogentx.spi.StoredSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sessions this server holds, in memory, over the {@link SessionStorage} that keeps them.
 * Lookups take no lock (one {@link ConcurrentHashMap} read); loading, expiry and deletion lock only
 * the session's own map bin. A session not held is opened from the storage on first use (created
 * empty if the storage has none). With a durable storage, sessions idle for a while are put away
 * (closed, their data kept) so memory stays bounded; a session idle for longer than the timeout
 * expires, which the storage decides once for every server sharing it.
 */
public final class SessionStore {

  private static final Logger LOG = Logger.getLogger(SessionStore.class.getName());

  private final ConcurrentHashMap<SessionId, Session> sessions = new ConcurrentHashMap<>();
  private final AtomicInteger active = new AtomicInteger();
  private final Duration idleTimeout;
  private final Duration idleClose;
  private final int maxSessions;
  private final Clock clock;
  private final SessionListener listener;
  private final SessionStorage storage;

  /**
   * @param idleTimeout sessions idle for longer than this expire
   * @param idleClose a durable storage's sessions idle for longer than this are put away
   * @param maxSessions most sessions held at once; 0 for no limit
   */
  public SessionStore(
      Duration idleTimeout,
      Duration idleClose,
      int maxSessions,
      Clock clock,
      SessionListener listener,
      SessionStorage storage) {
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idle timeout must be positive: " + idleTimeout);
    }
    if (maxSessions < 0) {
      throw new IllegalArgumentException(
          "maxSessions must be 0 (no limit) or positive: " + maxSessions);
    }
    this.idleTimeout = idleTimeout;
    this.idleClose = idleClose;
    this.maxSessions = maxSessions;
    this.clock = Objects.requireNonNull(clock);
    this.listener = Objects.requireNonNull(listener);
    this.storage = Objects.requireNonNull(storage);
  }

  public Duration idleTimeout() {
    return idleTimeout;
  }

  public SessionStorage storage() {
    return storage;
  }

  /**
   * The session with this id, opened from the storage (created empty there if it has none) when not
   * held, and marked as used now.
   *
   * @throws SessionLimitExceededException when the session must be opened but the store is full
   * @throws UncheckedIOException when the storage cannot be read
   */
  public Session getOrCreate(SessionId id) {
    while (true) {
      Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      Session session = sessions.get(id);
      boolean opened = false;
      if (session == null) {
        Session[] loaded = new Session[1];
        boolean[] isNew = new boolean[1];
        session =
            sessions.computeIfAbsent(
                id,
                key -> {
                  reserveSlot();
                  try {
                    loaded[0] = open(key, now, isNew);
                    return loaded[0];
                  } catch (RuntimeException e) {
                    active.decrementAndGet();
                    throw e;
                  }
                });
        if (loaded[0] != null) {
          opened = true;
          if (isNew[0]) {
            listener.created(loaded[0]);
          } else {
            listener.loaded(loaded[0]);
          }
        }
      }
      // Expiry closes a session atomically with its idle check; if it came first, use a fresh one.
      if (!session.touchIfOpen(now)) {
        continue;
      }
      if (opened || stillStored(session, now)) {
        return session;
      }
      // another server expired or deleted it: drop our copy and open it again (empty)
      Session stale = session;
      if (removeIf(id, s -> s == stale && s.markClosed()) != null) {
        stale.close();
      }
    }
  }

  private Session open(SessionId id, Instant now, boolean[] isNew) {
    try {
      StoredSession stored = storage.open(new SessionRef(id.value()), now);
      try {
        List<StoredDocument> documents = stored.documents();
        Session session = new Session(id, stored.created(), stored);
        session.storedVersion(stored.version());
        session.setContent(
            documents.size(), documents.stream().mapToLong(StoredDocument::chunks).sum(), 0);
        isNew[0] = stored.isNew();
        return session;
      } catch (IOException | RuntimeException e) {
        stored.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The session store cannot be read", e);
    }
  }

  /** Records the use with the storage; false if another server ended the session. */
  private boolean stillStored(Session session, Instant now) {
    try {
      long version = session.stored().touch(now);
      if (version < 0) {
        return false;
      }
      session.storedVersion(version);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("The session store cannot be reached", e);
    }
  }

  /** A new session with a random id. */
  public Session create() {
    return getOrCreate(SessionId.random());
  }

  /** The session, if held; does not count as use. */
  public Optional<Session> find(SessionId id) {
    return Optional.ofNullable(sessions.get(id));
  }

  /** Ends the session now and deletes what it holds; false if there was none. */
  public boolean delete(SessionId id) {
    Session removed = removeIf(id, Session::markClosed);
    if (removed != null) {
      removed.close();
    }
    boolean deleted;
    try {
      deleted = storage.delete(id.storageKey());
    } catch (IOException e) {
      throw new UncheckedIOException("The session store cannot delete the session", e);
    }
    if (removed != null) {
      listener.deleted(removed);
    }
    return removed != null || deleted;
  }

  /**
   * Puts away sessions idle for longer than the idle close (durable storage) or the timeout, then
   * has the storage delete every session idle for longer than the timeout; returns how many
   * expired.
   */
  public int expireIdle() {
    Instant now = clock.instant();
    Map<String, Session> putAway = new HashMap<>();
    Duration unloadAfter =
        storage.durable() && idleClose.compareTo(idleTimeout) < 0 ? idleClose : idleTimeout;
    for (SessionId id : sessions.keySet()) {
      boolean expiring = true;
      Session removed = removeIf(id, s -> s.closeIfIdle(idleTimeout, now, false));
      if (removed == null && unloadAfter != idleTimeout) {
        removed = removeIf(id, s -> s.closeIfIdle(unloadAfter, now, true));
        expiring = false;
      }
      if (removed != null) {
        removed.close(); // records its last use in the storage
        if (expiring) {
          putAway.put(id.storageKey(), removed);
        }
      }
    }
    List<String> expired;
    try {
      expired = storage.expire(now, idleTimeout);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "The session store could not expire sessions", e);
      return 0;
    }
    for (String key : expired) {
      Session s = putAway.get(key);
      if (s != null) {
        listener.expired(s);
      } else {
        listener.expired(key.substring(0, 10));
      }
    }
    return expired.size();
  }

  /** Puts every session away (server shutdown): closed, their data left to the storage. */
  public void closeAll() {
    for (SessionId id : sessions.keySet()) {
      Session removed = removeIf(id, Session::markClosed);
      if (removed != null) {
        removed.close();
      }
    }
  }

  /** Sessions held now. */
  public int size() {
    return active.get();
  }

  /** A point-in-time copy of the sessions held, for the admin view. */
  public List<Session> snapshot() {
    return new ArrayList<>(sessions.values());
  }

  /** Removes the session if {@code closer} closes it (closing and removal in one step). */
  private Session removeIf(SessionId id, Predicate<Session> closer) {
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

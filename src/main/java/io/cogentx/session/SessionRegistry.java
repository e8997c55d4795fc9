package io.cogentx.session;

import io.cogentx.spi.SessionStorage;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's sessions: a startup singleton owning the {@link SessionStore}, with bean-managed
 * concurrency (the store is lock-free on the request path, so the container adds no lock) and an
 * interval timer from the EJB timer service that expires idle sessions. No container transactions:
 * a session store that uses a database commits its own work.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class SessionRegistry {

  private static final Logger LOG = Logger.getLogger(SessionRegistry.class.getName());

  @Inject
  @ConfigProperty(name = "SESSION_TIMEOUT_HOURS", defaultValue = "24")
  double timeoutHours;

  @Inject
  @ConfigProperty(name = "SESSION_CLEANUP_INTERVAL_MINUTES", defaultValue = "60")
  double cleanupIntervalMinutes;

  @Inject
  @ConfigProperty(name = "MAX_SESSIONS", defaultValue = "0")
  int maxSessions;

  @Inject
  @ConfigProperty(name = "SESSION_IDLE_CLOSE_MINUTES", defaultValue = "15")
  double idleCloseMinutes;

  @Inject SessionEvents events;

  /** The configured session store plugin ({@code SESSION_STORE}). */
  @Inject SessionStorage storage;

  @Resource TimerService timerService;

  private SessionStore store;

  @PostConstruct
  void start() {
    Duration timeout = hours(timeoutHours, "SESSION_TIMEOUT_HOURS");
    Duration interval = minutes(cleanupIntervalMinutes, "SESSION_CLEANUP_INTERVAL_MINUTES");
    Duration idleClose = minutes(idleCloseMinutes, "SESSION_IDLE_CLOSE_MINUTES");
    store = new SessionStore(timeout, idleClose, maxSessions, Clock.systemUTC(), events, storage);
    events.bind(store);
    long intervalMillis = Math.max(1, interval.toMillis());
    timerService.createIntervalTimer(
        intervalMillis, intervalMillis, new TimerConfig("session-cleanup", false));
    events.initialized(timeoutHours, maxSessions);
  }

  @Timeout
  void cleanup(Timer timer) {
    try {
      store.expireIdle();
    } catch (RuntimeException e) {
      // never let one failure cancel the timer
      LOG.log(Level.WARNING, "Session cleanup failed; will retry at the next interval", e);
    }
  }

  @PreDestroy
  void stop() {
    store.closeAll();
  }

  /** The session with this id (created empty if unknown), marked as used now. */
  public Session getOrCreate(SessionId id) {
    return store.getOrCreate(id);
  }

  /** A new session with a random id. */
  public Session create() {
    return store.create();
  }

  public Optional<Session> find(SessionId id) {
    return store.find(id);
  }

  public boolean delete(SessionId id) {
    return store.delete(id);
  }

  /** Runs expiry now (also what the timer does). */
  public int expireIdle() {
    return store.expireIdle();
  }

  public int size() {
    return store.size();
  }

  public List<Session> snapshot() {
    return store.snapshot();
  }

  public Duration idleTimeout() {
    return store.idleTimeout();
  }

  /** The session store behind the sessions held. */
  public SessionStorage storage() {
    return store.storage();
  }

  public boolean isRunning() {
    return store != null;
  }

  private static Duration hours(double value, String name) {
    return positive(Math.round(value * 3_600_000d), name, value);
  }

  private static Duration minutes(double value, String name) {
    return positive(Math.round(value * 60_000d), name, value);
  }

  private static Duration positive(long millis, String name, double value) {
    if (millis <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
    return Duration.ofMillis(millis);
  }
}

package io.cogentx.session;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * Logs and counts session lifecycle events. Log lines are the seed's, with the session id replaced
 * by its short hash; they go to logger {@code io.cogentx.sessions}, which Liberty writes to
 * messages.log, and also to the file {@code SESSIONS_LOG_FILE} names (server.xml: logs/sessions.log
 * beside messages.log). Metrics carry no session ids.
 */
@ApplicationScoped
public class SessionEvents implements SessionListener {

  static final String LOGGER = "io.cogentx.sessions";
  private static final Logger LOG = Logger.getLogger(LOGGER);

  @Inject MetricRegistry metrics;

  @Inject
  @ConfigProperty(name = "SESSIONS_LOG_FILE")
  Optional<String> sessionsLogFile;

  private FileHandler fileHandler;

  private Counter created;
  private Counter expired;
  private Counter deleted;

  @PostConstruct
  void openSessionsLog() {
    sessionsLogFile
        .filter(f -> !f.isBlank())
        .ifPresent(
            file -> {
              try {
                Files.createDirectories(Path.of(file).toAbsolutePath().getParent());
                fileHandler = new FileHandler(file, 0, 1, true);
                fileHandler.setFormatter(new LineFormatter());
                LOG.addHandler(fileHandler);
              } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> "Cannot write the sessions log " + file);
              }
            });
  }

  @PreDestroy
  void closeSessionsLog() {
    if (fileHandler != null) {
      LOG.removeHandler(fileHandler);
      fileHandler.close();
    }
  }

  void bind(SessionStore store) {
    created = metrics.counter(counter("sessions.created", "Sessions created"));
    expired = metrics.counter(counter("sessions.expired", "Sessions ended by inactivity"));
    deleted = metrics.counter(counter("sessions.deleted", "Sessions deleted by their user"));
    metrics.gauge(
        Metadata.builder()
            .withName("sessions.active")
            .withDescription("Sessions held now")
            .withUnit(MetricUnits.NONE)
            .build(),
        store,
        SessionStore::size);
  }

  void initialized(double timeoutHours, int maxSessions) {
    String hours =
        timeoutHours == Math.rint(timeoutHours)
            ? Long.toString((long) timeoutHours)
            : Double.toString(timeoutHours);
    LOG.info(
        "SessionManager initialized with "
            + hours
            + "h timeout"
            + (maxSessions > 0 ? " and a limit of " + maxSessions + " sessions" : ""));
  }

  @Override
  public void created(Session session) {
    created.inc();
    LOG.info(() -> "Session " + session.hash() + " created");
  }

  @Override
  public void expired(Session session) {
    expired.inc();
    LOG.info(() -> "Session " + session.hash() + " expired");
  }

  @Override
  public void expired(String hash) {
    expired.inc();
    LOG.info(() -> "Session " + hash + " expired");
  }

  @Override
  public void loaded(Session session) {
    LOG.fine(() -> "Session " + session.hash() + " loaded");
  }

  @Override
  public void deleted(Session session) {
    deleted.inc();
    LOG.info(() -> "Session " + session.hash() + " deleted");
  }

  private static Metadata counter(String name, String description) {
    return Metadata.builder().withName(name).withDescription(description).build();
  }

  /** {@code 2026-01-01T00:00:00.123Z INFO Session 1a2b3c4d5e created}. */
  private static final class LineFormatter extends Formatter {
    @Override
    public String format(LogRecord record) {
      return Instant.ofEpochMilli(record.getMillis())
          + " "
          + record.getLevel().getName()
          + " "
          + formatMessage(record)
          + System.lineSeparator();
    }
  }
}

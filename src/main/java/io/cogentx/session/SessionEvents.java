package io.cogentx.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * Logs and counts session lifecycle events. Log lines are the seed's, with the session id replaced
 * by its short hash; they go to logger {@code io.cogentx.sessions}, which Liberty writes to
 * messages.log and logging.properties also to logs/sessions.log. Metrics carry no session ids.
 */
@ApplicationScoped
public class SessionEvents implements SessionListener {

  static final String LOGGER = "io.cogentx.sessions";
  private static final Logger LOG = Logger.getLogger(LOGGER);

  @Inject MetricRegistry metrics;

  private Counter created;
  private Counter expired;
  private Counter deleted;

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
  public void deleted(Session session) {
    deleted.inc();
    LOG.info(() -> "Session " + session.hash() + " deleted");
  }

  private static Metadata counter(String name, String description) {
    return Metadata.builder().withName(name).withDescription(description).build();
  }
}

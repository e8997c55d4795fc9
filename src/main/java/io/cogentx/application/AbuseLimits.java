package io.cogentx.application;

import io.cogentx.jobs.MemoryGuard;
import io.cogentx.problem.Problem;
import io.cogentx.problem.ProblemException;
import io.cogentx.problem.ProblemType;
import io.cogentx.session.CreationRateLimiter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The limits that keep one client from crowding out everyone else — new sessions per client, the
 * memory guard in front of ingestion, the sessions' quotas and the slowest upload — and their count
 * in the metrics ({@code limits_refused_total{limit=...}}).
 */
@ApplicationScoped
public class AbuseLimits {

  /** Clients whose session-creation rate is tracked at once. */
  static final int MAX_TRACKED_CLIENTS = 100_000;

  /** How long a client refused by the memory guard should wait. */
  static final int MEMORY_RETRY_AFTER_SECONDS = 30;

  /** Least time between two collections confirming that the heap is full. */
  static final long MEMORY_CONFIRM_MILLIS = 10_000;

  /** What was refused, as the metric's {@code limit} tag names it. */
  public enum Limit {
    SESSION_RATE,
    MEMORY,
    DOCUMENTS,
    CHUNKS,
    BYTES,
    UPLOAD_RATE;

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Inject LimitSettings settings;
  @Inject MetricRegistry metrics;

  private CreationRateLimiter sessions;
  private MemoryGuard memory;
  private final Map<Limit, Counter> refused = new EnumMap<>(Limit.class);

  @PostConstruct
  void start() {
    sessions =
        new CreationRateLimiter(
            settings.sessionCreatePerMinute(),
            settings.sessionCreateBurst(),
            MAX_TRACKED_CLIENTS,
            Clock.systemUTC());
    memory =
        new MemoryGuard(
            MemoryGuard.Heap.platform(),
            settings.memoryGuardFraction(),
            MEMORY_CONFIRM_MILLIS,
            Clock.systemUTC());
    Metadata counter =
        Metadata.builder()
            .withName("limits.refused")
            .withDescription("Requests refused by a limit, by limit")
            .build();
    for (Limit limit : Limit.values()) {
      refused.put(limit, metrics.counter(counter, new Tag("limit", limit.tag())));
    }
    metrics.gauge(
        Metadata.builder()
            .withName("limits.session.rate.clients")
            .withDescription("Clients whose rate of creating sessions is tracked now")
            .withUnit(MetricUnits.NONE)
            .build(),
        sessions,
        CreationRateLimiter::clients);
    metrics.gauge(
        Metadata.builder()
            .withName("limits.memory.heap.after.gc")
            .withDescription("Share of the maximum heap held after the last garbage collection")
            .withUnit(MetricUnits.PERCENT)
            .build(),
        memory,
        m -> 100 * m.usedAfterCollection());
  }

  /**
   * A client may create one more session now.
   *
   * @param client the client's address (or its network, for IPv6), never a session id
   * @throws ProblemException 429 with {@code Retry-After} when it has created too many
   */
  public void admitNewSession(String client) {
    CreationRateLimiter.Decision decision = sessions.tryAcquire(client);
    if (!decision.allowed()) {
      refused(Limit.SESSION_RATE);
      throw new ProblemException(
          ProblemType.TOO_MANY_REQUESTS.with(
              "This address has started too many new sessions in a short time. Keep sending the"
                  + " X-Session-Id you were given, or try again in "
                  + decision.retryAfterSeconds()
                  + " seconds.",
              Map.of(Problem.RETRY_AFTER, decision.retryAfterSeconds())));
    }
  }

  /**
   * New ingestion may start: the heap has room.
   *
   * @throws ProblemException 503 with {@code Retry-After} when the memory guard refuses
   */
  public void admitIngestion() {
    if (memory.full()) {
      refused(Limit.MEMORY);
      throw new ProblemException(
          ProblemType.UNAVAILABLE.with(
              "The server is low on memory and takes no new documents right now; existing"
                  + " sessions keep working. Try again in a minute.",
              Map.of(Problem.RETRY_AFTER, MEMORY_RETRY_AFTER_SECONDS)));
    }
  }

  /** Counts a request refused by a limit. */
  public void refused(Limit limit) {
    refused.get(limit).inc();
  }
}

package io.cogentx.session;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many sessions one client may create: a token bucket per client (holding up to {@code burst}
 * creations, refilled at {@code perMinute}), so one client cannot create sessions without end and
 * crowd everyone else out. At most {@code maxClients} buckets are kept: full buckets (clients idle
 * long enough to have all their tokens back) are dropped first, and while that is not enough a
 * client without a bucket is let through untracked rather than refused.
 */
public final class CreationRateLimiter {

  /** Whether a creation may go ahead, and if not, how long the client should wait. */
  public record Decision(boolean allowed, long retryAfterSeconds) {
    static final Decision ALLOWED = new Decision(true, 0);
  }

  private final double perMilli;
  private final double burst;
  private final int maxClients;
  private final Clock clock;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * @param perMinute creations per minute each client gets back; 0 turns the limit off
   * @param burst creations a client may make at once (at least 1)
   * @param maxClients clients tracked at once
   */
  public CreationRateLimiter(double perMinute, int burst, int maxClients, Clock clock) {
    if (perMinute < 0 || burst < 1 || maxClients < 1) {
      throw new IllegalArgumentException(
          "rate must be >= 0, burst and clients >= 1: " + perMinute + ", " + burst);
    }
    this.perMilli = perMinute / 60_000d;
    this.burst = burst;
    this.maxClients = maxClients;
    this.clock = clock;
  }

  public boolean enabled() {
    return perMilli > 0;
  }

  /** Takes one creation from the client's bucket, if it has one left. */
  public Decision tryAcquire(String client) {
    if (!enabled()) {
      return Decision.ALLOWED;
    }
    long now = clock.millis();
    Bucket bucket = buckets.get(client);
    if (bucket == null) {
      if (buckets.size() >= maxClients) {
        prune(now);
        if (buckets.size() >= maxClients) {
          return Decision.ALLOWED; // untracked: never refuse a client only because others are many
        }
      }
      bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, now));
    }
    return bucket.take(now);
  }

  /** Clients tracked now. */
  public int clients() {
    return buckets.size();
  }

  /** Drops the buckets that have refilled completely: their clients are as if never seen. */
  private void prune(long now) {
    buckets.values().removeIf(b -> b.fullAt(now));
  }

  private final class Bucket {
    private double tokens;
    private long updated;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.updated = now;
    }

    synchronized Decision take(long now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return Decision.ALLOWED;
      }
      long wait = (long) Math.ceil((1 - tokens) / perMilli / 1000d);
      return new Decision(false, Math.max(1, wait));
    }

    synchronized boolean fullAt(long now) {
      refill(now);
      return tokens >= burst;
    }

    private void refill(long now) {
      if (now > updated) {
        tokens = Math.min(burst, tokens + (now - updated) * perMilli);
        updated = now;
      }
    }
  }
}

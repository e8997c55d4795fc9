package io.cogentx.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settings of the limits that keep one client from crowding out the others, read with MP Config.
 */
@ApplicationScoped
public class LimitSettings {

  @Inject
  @ConfigProperty(name = "SESSION_CREATE_PER_MINUTE", defaultValue = "30")
  double sessionCreatePerMinute;

  @Inject
  @ConfigProperty(name = "SESSION_CREATE_BURST", defaultValue = "60")
  int sessionCreateBurst;

  @Inject
  @ConfigProperty(name = "MAX_SESSION_MEGABYTES", defaultValue = "500")
  int maxSessionMegabytes;

  @Inject
  @ConfigProperty(name = "MEMORY_GUARD_PERCENT", defaultValue = "85")
  int memoryGuardPercent;

  @Inject
  @ConfigProperty(name = "UPLOAD_MIN_KILOBYTES_PER_SECOND", defaultValue = "8")
  int uploadMinKilobytesPerSecond;

  @Inject
  @ConfigProperty(name = "UPLOAD_RATE_GRACE_SECONDS", defaultValue = "30")
  int uploadRateGraceSeconds;

  /** New sessions per minute each client gets back; 0: no limit. */
  public double sessionCreatePerMinute() {
    return Math.max(0, sessionCreatePerMinute);
  }

  /** New sessions one client may create at once. */
  public int sessionCreateBurst() {
    return Math.max(1, sessionCreateBurst);
  }

  /** Bytes of uploads (kept files and uploads being added) one session may hold. */
  public long maxSessionBytes() {
    return maxSessionMegabytes * 1024L * 1024L;
  }

  /** Share of the maximum heap above which new ingestion is refused; 0: no guard. */
  public double memoryGuardFraction() {
    return memoryGuardPercent <= 0 || memoryGuardPercent >= 100 ? 0 : memoryGuardPercent / 100d;
  }

  /** The slowest average rate a request body may arrive at, once the grace time has passed. */
  public long uploadMinBytesPerSecond() {
    return Math.max(0, uploadMinKilobytesPerSecond) * 1024L;
  }

  public long uploadRateGraceMillis() {
    return Math.max(1, uploadRateGraceSeconds) * 1000L;
  }
}

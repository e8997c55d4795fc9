package io.cogentx.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap while something runs: the peak of used heap sampled every millisecond on a daemon thread
 * (garbage included, so it depends on how lazily the collector runs) and the peak of live heap,
 * taken by {@link #sampleLive()} with a full collection where the caller chooses (every n pages,
 * segments or seconds). Figures are megabytes over the idle heap measured at the start.
 */
final class HeapProbe implements AutoCloseable {

  private static final long MB = 1 << 20;

  private final long idle = usedAfterGc();
  private final AtomicLong peakUsed = new AtomicLong(idle);
  private final AtomicLong peakLive = new AtomicLong(idle);
  private final Thread sampler;

  HeapProbe() {
    sampler =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    peakUsed.accumulateAndGet(used(), Math::max);
                    try {
                      Thread.sleep(1);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
  }

  /** Takes the live heap now (after a full collection) into the live peak. */
  void sampleLive() {
    peakLive.accumulateAndGet(usedAfterGc(), Math::max);
  }

  long idleMb() {
    return idle / MB;
  }

  long peakUsedDeltaMb() {
    return (peakUsed.get() - idle) / MB;
  }

  long peakLiveDeltaMb() {
    return (peakLive.get() - idle) / MB;
  }

  /** Stops sampling; the peaks stay readable. */
  @Override
  public void close() {
    sampler.interrupt();
    try {
      sampler.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Used heap after two full collections. */
  static long usedAfterGc() {
    for (int i = 0; i < 2; i++) {
      System.gc();
    }
    return used();
  }

  private static long used() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}

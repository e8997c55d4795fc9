package io.cogentx.jobs;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Clock;
import java.util.List;

/**
 * Refuses new ingestion before the heap runs out. The heap is "full" when both what it uses now and
 * what it held after the last garbage collection pass {@code fraction} of its maximum: garbage
 * alone (a high reading now, a low one after collection) never refuses, and live data that has been
 * freed since (sessions ended) stops refusing as soon as a collection confirms it. While the heap
 * looks full, one collection every {@code confirmMillis} checks that it really is, so the guard
 * recovers even when nothing else makes the collector run.
 */
public final class MemoryGuard {

  /** Reads the heap: bytes used now, after the last collection, and the maximum. */
  public interface Heap {
    long used();

    long usedAfterLastCollection();

    long max();

    void collect();

    /** The JVM's heap, read with the platform's memory beans. */
    static Heap platform() {
      List<MemoryPoolMXBean> pools =
          ManagementFactory.getMemoryPoolMXBeans().stream()
              .filter(p -> p.getType() == MemoryType.HEAP)
              .toList();
      return new Heap() {
        @Override
        public long used() {
          return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }

        @Override
        public long usedAfterLastCollection() {
          long sum = 0;
          for (MemoryPoolMXBean pool : pools) {
            MemoryUsage after = pool.getCollectionUsage();
            sum += after == null ? pool.getUsage().getUsed() : after.getUsed();
          }
          return sum;
        }

        @Override
        public long max() {
          long max = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
          return max > 0 ? max : Runtime.getRuntime().maxMemory();
        }

        @Override
        public void collect() {
          System.gc(); // at most once per confirmation interval, only while the heap looks full
        }
      };
    }
  }

  private final Heap heap;
  private final double fraction;
  private final long confirmMillis;
  private final Clock clock;
  private long lastConfirmed = Long.MIN_VALUE;

  /**
   * @param fraction share of the maximum heap above which ingestion is refused; 0 or 1 and more
   *     turn the guard off
   * @param confirmMillis least time between two confirming collections
   */
  public MemoryGuard(Heap heap, double fraction, long confirmMillis, Clock clock) {
    this.heap = heap;
    this.fraction = fraction;
    this.confirmMillis = confirmMillis;
    this.clock = clock;
  }

  public boolean enabled() {
    return fraction > 0 && fraction < 1;
  }

  /** True when new ingestion should be refused now. */
  public boolean full() {
    if (!enabled()) {
      return false;
    }
    long limit = limit();
    if (heap.used() < limit || heap.usedAfterLastCollection() < limit) {
      return false;
    }
    synchronized (this) {
      long now = clock.millis();
      if (lastConfirmed == Long.MIN_VALUE || now - lastConfirmed >= confirmMillis) {
        lastConfirmed = now;
        heap.collect();
      }
    }
    return heap.usedAfterLastCollection() >= limit;
  }

  /** Share of the maximum heap held after the last collection, 0 to 1. */
  public double usedAfterCollection() {
    return (double) heap.usedAfterLastCollection() / heap.max();
  }

  private long limit() {
    return (long) (heap.max() * fraction);
  }
}

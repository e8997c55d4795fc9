package io.cogentx.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoryGuardTest {

  /** A heap of 1,000 bytes whose readings the test sets; a collection leaves {@code live}. */
  private static final class FakeHeap implements MemoryGuard.Heap {
    long used;
    long afterGc;
    long live;
    final AtomicInteger collections = new AtomicInteger();

    @Override
    public long used() {
      return used;
    }

    @Override
    public long usedAfterLastCollection() {
      return afterGc;
    }

    @Override
    public long max() {
      return 1_000;
    }

    @Override
    public void collect() {
      collections.incrementAndGet();
      used = live;
      afterGc = live;
    }
  }

  private long now = 0;
  private final Clock clock =
      new Clock() {
        @Override
        public java.time.ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return Instant.ofEpochMilli(now);
        }
      };

  @Test
  void garbageAloneNeverRefuses() {
    FakeHeap heap = new FakeHeap();
    MemoryGuard guard = new MemoryGuard(heap, 0.8, 10_000, clock);
    heap.used = 990; // nearly full now…
    heap.afterGc = 300; // …but the last collection left little
    assertThat(guard.full()).isFalse();
    assertThat(heap.collections).hasValue(0);
  }

  @Test
  void liveDataOverTheLimitRefusesAfterOneConfirmingCollection() {
    FakeHeap heap = new FakeHeap();
    MemoryGuard guard = new MemoryGuard(heap, 0.8, 10_000, clock);
    heap.used = 950;
    heap.afterGc = 900;
    heap.live = 850;
    assertThat(guard.full()).isTrue();
    assertThat(heap.collections).hasValue(1);
    // within the interval no further collection is forced
    heap.used = 950;
    assertThat(guard.full()).isTrue();
    assertThat(heap.collections).hasValue(1);
  }

  @Test
  void recoversWhenLiveDataIsFreedEvenIfNothingElseCollects() {
    FakeHeap heap = new FakeHeap();
    MemoryGuard guard = new MemoryGuard(heap, 0.8, 10_000, clock);
    heap.used = 950;
    heap.afterGc = 900;
    heap.live = 900;
    assertThat(guard.full()).isTrue();
    // sessions end: their data is garbage now, but the readings stay high until a collection
    heap.live = 200;
    heap.used = 950;
    heap.afterGc = 900;
    assertThat(guard.full()).isTrue();
    now += 10_000;
    assertThat(guard.full()).isFalse();
    assertThat(heap.collections).hasValue(2);
  }

  @Test
  void offWhenTheShareIsZero() {
    FakeHeap heap = new FakeHeap();
    heap.used = heap.afterGc = 1_000;
    assertThat(new MemoryGuard(heap, 0, 1, clock).full()).isFalse();
  }

  @Test
  void readsThePlatformHeap() {
    MemoryGuard.Heap heap = MemoryGuard.Heap.platform();
    assertThat(heap.max()).isPositive();
    assertThat(heap.used()).isPositive().isLessThanOrEqualTo(heap.max());
    assertThat(heap.usedAfterLastCollection()).isNotNegative();
  }
}

package io.cogentx.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CreationRateLimiterTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void aClientGetsItsBurstThenOneMorePerIntervalAndIsToldHowLongToWait() {
    CreationRateLimiter limiter = new CreationRateLimiter(6, 3, 100, clock); // one per 10 s
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.tryAcquire("10.0.0.1").allowed()).isTrue();
    }
    CreationRateLimiter.Decision refused = limiter.tryAcquire("10.0.0.1");
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isEqualTo(10);

    clock.advance(Duration.ofSeconds(4));
    assertThat(limiter.tryAcquire("10.0.0.1").retryAfterSeconds()).isEqualTo(6);
    clock.advance(Duration.ofSeconds(6));
    assertThat(limiter.tryAcquire("10.0.0.1").allowed()).isTrue();
    assertThat(limiter.tryAcquire("10.0.0.1").allowed()).isFalse();
  }

  @Test
  void oneClientsRefusalLeavesOthersAlone() {
    CreationRateLimiter limiter = new CreationRateLimiter(1, 1, 100, clock);
    assertThat(limiter.tryAcquire("a").allowed()).isTrue();
    assertThat(limiter.tryAcquire("a").allowed()).isFalse();
    assertThat(limiter.tryAcquire("b").allowed()).isTrue();
  }

  @Test
  void trackedClientsAreBoundedAndFullBucketsGoFirst() {
    CreationRateLimiter limiter = new CreationRateLimiter(60, 2, 3, clock);
    limiter.tryAcquire("a");
    limiter.tryAcquire("a");
    limiter.tryAcquire("b");
    limiter.tryAcquire("c");
    assertThat(limiter.clients()).isEqualTo(3);
    // a fourth client while all three are spending: let through untracked, never refused
    assertThat(limiter.tryAcquire("d").allowed()).isTrue();
    assertThat(limiter.clients()).isEqualTo(3);
    // once b and c have refilled, they make room; a (still refilling) keeps its count
    clock.advance(Duration.ofSeconds(1));
    assertThat(limiter.tryAcquire("e").allowed()).isTrue();
    assertThat(limiter.clients()).isLessThanOrEqualTo(3);
    assertThat(limiter.tryAcquire("a").allowed()).isTrue();
    assertThat(limiter.tryAcquire("a").allowed()).isFalse();
  }

  @Test
  void zeroTurnsTheLimitOff() {
    CreationRateLimiter limiter = new CreationRateLimiter(0, 1, 1, clock);
    for (int i = 0; i < 1000; i++) {
      assertThat(limiter.tryAcquire("a").allowed()).isTrue();
    }
    assertThat(limiter.clients()).isZero();
  }
}

package io.cogentx.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UploadLimitTest {

  private final AtomicLong nanos = new AtomicLong();
  private final AtomicInteger slow = new AtomicInteger();

  private InputStream limited(byte[] body, long max) {
    return new UploadLimitFilter.Limited(
        new ByteArrayInputStream(body), max, 1024, 30_000, nanos::get, slow::incrementAndGet);
  }

  @Test
  void aBodyOverTheLimitIsCutOffWhileItIsRead() {
    InputStream in = limited(new byte[5000], 4096);
    assertThatThrownBy(in::readAllBytes).isInstanceOf(UploadLimitFilter.TooLargeException.class);
  }

  @Test
  void aTrickleIsCutOffOnceTheGraceTimeHasPassed() throws IOException {
    InputStream in = limited(new byte[100], 1 << 20);
    assertThat(in.read()).isZero(); // 1 byte at t=0
    nanos.set(29_000_000_000L);
    assertThat(in.read()).isZero(); // 2 bytes in 29 s: still within the grace time
    nanos.set(31_000_000_000L);
    assertThatThrownBy(in::read)
        .isInstanceOf(UploadLimitFilter.TooSlowException.class)
        .hasMessageContaining("3 bytes");
    assertThat(slow).hasValue(1);
  }

  @Test
  void aBodyFasterThanTheSlowestRateIsReadWhole() throws IOException {
    InputStream in = limited(new byte[64 * 1024], 1 << 20);
    byte[] buffer = new byte[1024];
    long total = 0;
    for (int n; (n = in.read(buffer)) > 0; ) {
      total += n;
      nanos.addAndGet(500_000_000L); // 1 KB every half second: 2 KB/s
    }
    assertThat(total).isEqualTo(64 * 1024);
    assertThat(slow).hasValue(0);
  }
}

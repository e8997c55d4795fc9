package io.cogentx.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {

  @Test
  void readsUserPlusSystemTicksEvenWhenTheCommandNameHasSpacesAndParentheses() {
    String stat =
        "4242 (java (bench) x) S 1 4242 4242 0 -1 4194560 1234 0 0 0 250 50 0 0 20 0 40 0 100";

    assertThat(ProcessCpu.parse(stat)).isEqualTo(300 * 10_000_000L);
  }

  @Test
  void thisJvmHasUsedCpuAndUsesMoreWhenItWorks() throws Exception {
    long before = ProcessCpu.ownNanos();
    long sum = 0;
    long end = System.nanoTime() + 300_000_000L;
    while (System.nanoTime() < end) {
      sum += Long.numberOfTrailingZeros(sum + System.nanoTime());
    }

    assertThat(sum).isPositive();
    assertThat(ProcessCpu.ownNanos()).isGreaterThan(before);
  }
}

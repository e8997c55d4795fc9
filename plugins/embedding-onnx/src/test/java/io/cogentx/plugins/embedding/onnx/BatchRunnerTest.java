package io.cogentx.plugins.embedding.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The embedder's lock keeps the native model open only while a call has not returned, so a call
 * must not return while one of its batches still runs on a helper thread — not even when its thread
 * is interrupted, as the server's threads are at shutdown, right before the model is closed.
 */
class BatchRunnerTest {

  @Test
  void anInterruptedCallWaitsForItsRunningBatchesBeforeItReturns() throws Exception {
    CountDownLatch helperRunning = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean helperFinished = new AtomicBoolean();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean interruptKept = new AtomicBoolean();
    try (BatchRunner runner = new BatchRunner(2, "test-helper")) {
      Thread caller =
          new Thread(
              () -> {
                try {
                  runner.run(
                      2,
                      b -> {
                        if (Thread.currentThread().getName().startsWith("test-helper")) {
                          helperRunning.countDown();
                          release.await(); // an inference that does not notice interrupts
                          helperFinished.set(true);
                        } else {
                          helperRunning.await(5, TimeUnit.SECONDS);
                        }
                      });
                } catch (Throwable t) {
                  thrown.set(t);
                  interruptKept.set(Thread.currentThread().isInterrupted());
                }
              },
              "caller");
      caller.start();
      assertThat(helperRunning.await(5, TimeUnit.SECONDS)).isTrue();

      caller.interrupt();
      caller.join(300);
      assertThat(caller.isAlive()).as("returned while a batch was still running").isTrue();

      release.countDown();
      caller.join(5_000);
      assertThat(caller.isAlive()).isFalse();
      assertThat(helperFinished).isTrue();
      assertThat(thrown.get())
          .isInstanceOf(EmbeddingException.class)
          .hasMessageContaining("Interrupted");
      assertThat(interruptKept).as("the interrupt is kept for the caller's caller").isTrue();
    }
  }

  @Test
  void everyBatchRunsOnceAndAFailureIsReported() {
    try (BatchRunner runner = new BatchRunner(2, "test-helper")) {
      java.util.concurrent.atomic.AtomicIntegerArray runs =
          new java.util.concurrent.atomic.AtomicIntegerArray(50);
      runner.run(50, runs::incrementAndGet);
      for (int i = 0; i < 50; i++) {
        assertThat(runs.get(i)).isEqualTo(1);
      }
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  runner.run(
                      3,
                      b -> {
                        if (b == 1) {
                          throw new IllegalStateException("bad batch");
                        }
                      }))
          .isInstanceOf(EmbeddingException.class)
          .hasMessageContaining("bad batch");
    }
  }
}

package io.cogentx.plugins.embedding.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the batches of one call on the calling thread plus up to {@code workers - 1} shared helper
 * threads. The caller always works itself, so a short query is never queued behind a long
 * ingestion; helpers only speed up calls with several batches, and the pool bounds how many
 * inferences the helpers add machine-wide.
 */
final class BatchRunner implements AutoCloseable {

  /** Work on one batch, by its index. */
  @FunctionalInterface
  interface BatchWork {
    void run(int batch) throws Exception;
  }

  private final int workers;
  private final ExecutorService helpers;

  BatchRunner(int workers, String threadName) {
    this.workers = workers;
    this.helpers =
        workers > 1 ? Executors.newFixedThreadPool(workers - 1, daemon(threadName)) : null;
  }

  /**
   * Runs {@code work} once for every batch index below {@code batches}; returns when all are done.
   * It never returns while a batch of the call is still running on a helper, not even when the
   * caller is interrupted (at shutdown): the caller's lock is what keeps the model open, so
   * returning early would let the native model be freed under a running inference.
   */
  void run(int batches, BatchWork work) {
    AtomicInteger next = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(batches);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable loop =
        () -> {
          for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
            try {
              if (failure.get() == null) {
                work.run(b);
              }
            } catch (Exception | Error e) {
              failure.compareAndSet(null, e);
            } finally {
              done.countDown();
            }
          }
        };
    List<Future<?>> started = new ArrayList<>();
    int helperCount = helpers == null ? 0 : Math.min(workers, batches) - 1;
    for (int i = 0; i < helperCount; i++) {
      started.add(helpers.submit(loop));
    }
    loop.run();
    // Every batch index has been taken now; helpers may still be running theirs.
    boolean interrupted = awaitUninterruptibly(done);
    // Helpers still queued behind another call's work have nothing left to do.
    started.forEach(f -> f.cancel(false));
    Throwable t = failure.get();
    // interrupted while waiting, or a batch of this thread noticed the interrupt and threw
    if (interrupted || t instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      throw new EmbeddingException("Interrupted while embedding");
    }
    if (t instanceof Error error) {
      throw error;
    }
    if (t instanceof EmbeddingException e) {
      throw e;
    }
    if (t != null) {
      throw new EmbeddingException("Embedding failed: " + t.getMessage(), t);
    }
  }

  /** Waits for the latch even when interrupted; true if the thread was interrupted meanwhile. */
  private static boolean awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        return interrupted;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
  }

  @Override
  public void close() {
    if (helpers != null) {
      helpers.shutdownNow();
    }
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread thread = new Thread(r, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}

package io.cogentx.jobs;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Decides which stored upload runs next, so one session cannot starve the others: at most {@code
 * concurrency} jobs run at once and at most one per session; waiting jobs start first come, first
 * served (a session's next job waits until its running one ends, letting other sessions' jobs
 * pass); at most {@code capacity} jobs wait in all and {@code perSession} per session, beyond which
 * new uploads are refused at once.
 */
public final class IngestQueue {

  /** How many jobs run and wait. */
  public record Limits(int concurrency, int capacity, int perSession) {
    public Limits {
      if (concurrency < 1 || capacity < 1 || perSession < 1) {
        throw new IllegalArgumentException(
            "INGEST_CONCURRENCY, INGEST_QUEUE and INGEST_QUEUE_PER_SESSION must be at least 1");
      }
    }
  }

  /** No room for another job (in all, or for this session). */
  public static final class FullException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean session;

    FullException(boolean session, String message) {
      super(message, null, false, false);
      this.session = session;
    }

    /** True when this session has too many jobs waiting; false when the whole server is full. */
    public boolean session() {
      return session;
    }
  }

  /** Runs jobs. */
  public interface Worker {
    /** Runs the job to its end; must not throw. */
    void run(Job job);

    /** The executor refused the job (the server is stopping): end it. */
    void rejected(Job job);
  }

  private final Executor executor;
  private final Limits limits;
  private final Worker worker;
  private final ArrayDeque<Job> waiting = new ArrayDeque<>();
  private final Map<String, Integer> waitingPerOwner = new HashMap<>();
  private final Set<String> runningOwners = new HashSet<>();
  private int running;

  /**
   * @param executor runs the jobs (the server's managed executor)
   * @param worker runs one job to its end
   */
  public IngestQueue(Executor executor, Limits limits, Worker worker) {
    this.executor = executor;
    this.limits = limits;
    this.worker = worker;
  }

  /**
   * Queues the job; it starts when a worker and its session are free.
   *
   * @throws FullException when too many jobs wait
   */
  public synchronized void submit(Job job) {
    int mine = waitingPerOwner.getOrDefault(job.owner(), 0);
    if (mine >= limits.perSession()) {
      throw new FullException(
          true,
          "This session already has "
              + mine
              + " uploads waiting (the most it may). Wait for one to finish, then upload again.");
    }
    if (waiting.size() >= limits.capacity()) {
      throw new FullException(
          false,
          "The server is busy reading other uploads ("
              + waiting.size()
              + " waiting). Please retry in a little while.");
    }
    waiting.addLast(job);
    waitingPerOwner.merge(job.owner(), 1, Integer::sum);
    dispatch();
  }

  /** Takes a job out of the queue before it started; false if it is not waiting. */
  public synchronized boolean withdraw(Job job) {
    if (!waiting.remove(job)) {
      return false;
    }
    forgetWaiting(job);
    tellPositions();
    return true;
  }

  /** Jobs running now. */
  public synchronized int running() {
    return running;
  }

  /** Jobs waiting now. */
  public synchronized int waiting() {
    return waiting.size();
  }

  private void dispatch() {
    for (Iterator<Job> it = waiting.iterator(); it.hasNext() && running < limits.concurrency(); ) {
      Job next = it.next();
      if (runningOwners.contains(next.owner())) {
        continue;
      }
      it.remove();
      forgetWaiting(next);
      runningOwners.add(next.owner());
      running++;
      try {
        executor.execute(() -> run(next));
      } catch (RejectedExecutionException e) {
        running--;
        runningOwners.remove(next.owner());
        worker.rejected(next);
      }
    }
    tellPositions();
  }

  private void run(Job job) {
    try {
      worker.run(job);
    } finally {
      synchronized (this) {
        running--;
        runningOwners.remove(job.owner());
        dispatch();
      }
    }
  }

  private void forgetWaiting(Job job) {
    waitingPerOwner.computeIfPresent(job.owner(), (k, n) -> n == 1 ? null : n - 1);
  }

  private void tellPositions() {
    int ahead = 0;
    for (Job job : waiting) {
      job.queued(ahead++);
    }
  }
}

package io.cogentx.jobs;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Streams one job's changes to one client: {@code progress} with the current state at once and on
 * every change, then {@code done} with the final state, then the end of the stream. Sends happen on
 * the executor, one at a time and in order, never on the job's worker; when the client reads slower
 * than the job changes, intermediate states are skipped and the newest is sent next.
 */
public final class JobEventStream {

  /** The client end (an SSE sink in the server). */
  public interface Client {
    /** Sends one event; the stage completes when it is written. */
    CompletionStage<?> send(String event, JobView job);

    /** Ends the stream. */
    void close();
  }

  private final Client client;
  private final Executor executor;
  private JobView next;
  private boolean sending;
  private boolean finished;
  private Runnable unwatch = () -> {};

  private JobEventStream(Client client, Executor executor) {
    this.client = client;
    this.executor = executor;
  }

  /** Starts streaming {@code job} to {@code client}. */
  public static void start(Job job, Client client, Executor executor) {
    JobEventStream stream = new JobEventStream(client, executor);
    Runnable unwatch = job.watch(stream::changed);
    stream.watching(unwatch);
  }

  private synchronized void watching(Runnable handle) {
    if (finished) {
      handle.run();
    } else {
      unwatch = handle;
    }
  }

  private synchronized void changed(JobView view) {
    if (finished) {
      return;
    }
    next = view;
    if (!sending) {
      sending = true;
      executor.execute(this::sendNext);
    }
  }

  private void sendNext() {
    JobView view;
    synchronized (this) {
      view = next;
      next = null;
      if (view == null || finished) {
        sending = false;
        return;
      }
    }
    boolean last = JobState.valueOf(view.state().toUpperCase(java.util.Locale.ROOT)).ended();
    CompletionStage<?> sent;
    try {
      sent = client.send(last ? "done" : "progress", view);
    } catch (RuntimeException e) {
      stop();
      return;
    }
    sent.whenComplete(
        (ok, failure) -> {
          if (failure != null || last) {
            stop();
          } else {
            executor.execute(this::sendNext);
          }
        });
  }

  private void stop() {
    Runnable handle;
    synchronized (this) {
      if (finished) {
        return;
      }
      finished = true;
      sending = false;
      handle = unwatch;
    }
    handle.run();
    client.close();
  }
}

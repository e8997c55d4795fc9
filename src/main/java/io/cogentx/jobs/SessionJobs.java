package io.cogentx.jobs;

import io.cogentx.session.Session;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One session's jobs, attached to the session: when the session is deleted or expires, closing this
 * cancels its queued and running jobs (and so deletes their stored uploads). Keeps the most recent
 * ended jobs so a client can still read how they ended.
 */
final class SessionJobs implements AutoCloseable, Session.Busy {

  private final LinkedHashMap<String, Job> jobs = new LinkedHashMap<>();
  private final int keepEnded;
  private final Consumer<Job> cancel;
  private boolean closed;

  /**
   * @param keepEnded ended jobs kept for reading
   * @param cancel cancels one job when the session ends
   */
  SessionJobs(int keepEnded, Consumer<Job> cancel) {
    this.keepEnded = keepEnded;
    this.cancel = cancel;
  }

  /** Adds a job; false if the session has ended. */
  synchronized boolean add(Job job) {
    if (closed) {
      return false;
    }
    jobs.put(job.id(), job);
    prune();
    return true;
  }

  synchronized void remove(Job job) {
    jobs.remove(job.id());
  }

  synchronized Optional<Job> find(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  /** Newest first. */
  synchronized List<Job> newestFirst() {
    List<Job> all = new ArrayList<>(jobs.values());
    java.util.Collections.reverse(all);
    return all;
  }

  /** Jobs queued or running. */
  synchronized int active() {
    return (int) jobs.values().stream().filter(j -> !j.state().ended()).count();
  }

  /** Busy while a job is queued or running: the session is not put away meanwhile. */
  @Override
  public boolean busy() {
    return active() > 0;
  }

  /** Bytes of the uploads queued or running. */
  synchronized long activeBytes() {
    return jobs.values().stream()
        .filter(j -> !j.state().ended())
        .mapToLong(j -> j.upload().bytes())
        .sum();
  }

  private void prune() {
    long ended = jobs.values().stream().filter(j -> j.state().ended()).count();
    for (Iterator<Job> it = jobs.values().iterator(); it.hasNext() && ended > keepEnded; ) {
      if (it.next().state().ended()) {
        it.remove();
        ended--;
      }
    }
  }

  @Override
  public void close() {
    List<Job> all;
    synchronized (this) {
      closed = true;
      all = List.copyOf(jobs.values());
      jobs.clear();
    }
    all.forEach(cancel);
  }
}

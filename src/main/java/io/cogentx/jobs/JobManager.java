package io.cogentx.jobs;

import io.cogentx.problem.Problem;
import io.cogentx.retrieval.DocumentInfo;
import io.cogentx.retrieval.IngestCancelledException;
import io.cogentx.retrieval.Upload;
import io.cogentx.session.Session;
import io.cogentx.session.SessionClosedException;
import io.cogentx.spi.Progress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Background ingestion: turns stored uploads into jobs, runs them through the {@link IngestQueue}
 * on the given executor, keeps each session's jobs with the session, and cancels them when asked or
 * when the session ends. A job that fails or is cancelled adds nothing, so the session keeps the
 * documents it had. Plain Java: the server wires it to its managed executor.
 */
public final class JobManager {

  private static final Logger LOG = Logger.getLogger(JobManager.class.getName());

  /** Ended jobs kept per session for reading. */
  static final int KEEP_ENDED = 50;

  /** What a job does: read, chunk, embed and index the upload into the session. */
  @FunctionalInterface
  public interface Ingest {
    DocumentInfo ingest(Session session, Upload upload, Progress progress) throws Exception;
  }

  private final IngestQueue queue;
  private final UploadSpool spool;
  private final Ingest ingest;
  private final Function<Throwable, Problem> problems;
  private final Clock clock;

  /**
   * @param problems the problem a failure is reported as (the user's view of it)
   */
  public JobManager(
      Executor executor,
      IngestQueue.Limits limits,
      UploadSpool spool,
      Ingest ingest,
      Function<Throwable, Problem> problems,
      Clock clock) {
    this.spool = spool;
    this.ingest = ingest;
    this.problems = problems;
    this.clock = clock;
    this.queue =
        new IngestQueue(
            executor,
            limits,
            new IngestQueue.Worker() {
              @Override
              public void run(Job job) {
                JobManager.this.run(job);
              }

              @Override
              public void rejected(Job job) {
                end(
                    job,
                    () ->
                        job.failed(
                            problems.apply(
                                new java.util.concurrent.RejectedExecutionException(
                                    "The server is stopping; upload again in a moment."))));
              }
            });
  }

  public UploadSpool spool() {
    return spool;
  }

  /**
   * Queues a stored upload as a new job of the session. The job owns the stored file from here on:
   * it is deleted when the job ends, and also when the job cannot be queued.
   *
   * @throws IngestQueue.FullException when too many jobs wait (nothing is queued)
   */
  public Job submit(Session session, Upload upload) {
    Job job = new Job(newId(), session, upload, clock);
    try {
      SessionJobs jobs = jobs(session);
      if (!jobs.add(job)) {
        throw new SessionClosedException();
      }
      try {
        PendingJobs.record(job);
        queue.submit(job);
      } catch (RuntimeException e) {
        jobs.remove(job);
        PendingJobs.forget(job);
        throw e;
      }
    } catch (RuntimeException e) {
      spool.delete(upload.file());
      throw e;
    }
    LOG.fine(() -> "Session " + session.hash() + ": job " + job.id() + " queued");
    return job;
  }

  public Optional<Job> find(Session session, String id) {
    return jobs(session).find(id);
  }

  /** The session's jobs, newest first. */
  public List<JobView> list(Session session) {
    return jobs(session).newestFirst().stream().map(Job::view).toList();
  }

  /** Jobs of the session queued or running. */
  public int active(Session session) {
    return jobs(session).active();
  }

  /** Bytes of the session's uploads queued or running. */
  public long activeBytes(Session session) {
    return session.attachment(SessionJobs.class).map(SessionJobs::activeBytes).orElse(0L);
  }

  /**
   * Cancels a queued job at once, or asks a running one to stop at its next page or batch (its
   * stored upload is deleted when it stops).
   */
  public void cancel(Job job) {
    job.requestCancel();
    if (queue.withdraw(job)) {
      end(job, job::cancelled);
    }
  }

  /** Jobs running now, across all sessions. */
  public int running() {
    return queue.running();
  }

  /** Jobs waiting now, across all sessions. */
  public int waiting() {
    return queue.waiting();
  }

  /**
   * The session's jobs; when first asked for after the session was opened from its store, with the
   * uploads an earlier run of the server left unfinished, as failed jobs.
   */
  private SessionJobs jobs(Session session) {
    return session.attachment(
        SessionJobs.class,
        () -> {
          SessionJobs jobs = new SessionJobs(KEEP_ENDED, this::cancel);
          PendingJobs.interrupted(session, problems, clock).forEach(jobs::add);
          return jobs;
        });
  }

  private void run(Job job) {
    if (job.cancelRequested()) {
      end(job, job::cancelled);
      return;
    }
    job.started();
    Runnable ending;
    try {
      DocumentInfo added = ingest.ingest(job.session(), job.upload(), progressOf(job));
      ending = () -> job.succeeded(added);
    } catch (IngestCancelledException e) {
      ending = job::cancelled;
    } catch (Exception | Error e) { // every failure ends the job with a reason, never silently
      if (job.cancelRequested()) {
        ending = job::cancelled;
      } else {
        Problem problem = problems.apply(e).at("/api/v1/jobs/" + job.id());
        ending = () -> job.failed(problem);
      }
    }
    end(job, ending);
  }

  /**
   * Deletes the stored upload unless the ingest kept it as the document's file, then records how
   * the job ended (so watchers see no stray file left).
   */
  private void end(Job job, Runnable ending) {
    spool.delete(job.upload().file());
    PendingJobs.forget(job);
    ending.run();
    LOG.fine(() -> "Session " + job.session().hash() + ": job " + job.id() + " " + job.state());
  }

  private static Progress progressOf(Job job) {
    return new Progress() {
      @Override
      public void report(String stage, int done, int total) {
        job.progress(stage, done, total);
      }

      @Override
      public boolean cancelled() {
        return job.cancelRequested();
      }
    };
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }
}

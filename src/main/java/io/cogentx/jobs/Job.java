package io.cogentx.jobs;

import io.cogentx.problem.Problem;
import io.cogentx.retrieval.DocumentInfo;
import io.cogentx.retrieval.Upload;
import io.cogentx.session.Session;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One upload being ingested in the background: its state, stage and progress, and who is watching.
 * Thread-safe: the worker updates it while requests read it; watchers are told of every change in
 * order (they must not block).
 */
public final class Job {

  private final String id;
  private final Session session;
  private final Upload upload;
  private final String fileName;
  private final String title;
  private final Clock clock;
  private final Instant createdAt;
  private final List<Consumer<JobView>> watchers = new ArrayList<>();
  private final CompletableFuture<JobView> end = new CompletableFuture<>();

  private JobState state = JobState.QUEUED;
  private String stage = "stored";
  private int done;
  private int total;
  private String message;
  private DocumentInfo document;
  private Problem problem;
  private Instant updatedAt;
  private volatile boolean cancelRequested;
  private JobView view;

  Job(String id, Session session, Upload upload, Clock clock) {
    this(id, session, upload, upload.fileName(), upload.title(), clock.instant(), clock);
  }

  private Job(
      String id,
      Session session,
      Upload upload,
      String fileName,
      String title,
      Instant createdAt,
      Clock clock) {
    this.id = id;
    this.session = session;
    this.upload = upload;
    this.fileName = fileName;
    this.title = title;
    this.clock = clock;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
    this.message = "Stored; waiting for a free worker.";
    this.view = snapshot();
  }

  /**
   * A job a previous run of the server took and never finished (it stopped or crashed): reported as
   * failed with {@code why}, so the upload is not silently lost.
   */
  static Job interrupted(
      String id,
      Session session,
      String fileName,
      String title,
      Instant createdAt,
      Problem why,
      Clock clock) {
    Job job = new Job(id, session, null, fileName, title, createdAt, clock);
    synchronized (job) {
      job.state = JobState.RUNNING;
    }
    job.failed(why);
    return job;
  }

  Instant createdAt() {
    return createdAt;
  }

  public String id() {
    return id;
  }

  /** The session's key: jobs of one session run one at a time. */
  String owner() {
    return session.hash();
  }

  Session session() {
    return session;
  }

  Upload upload() {
    return upload;
  }

  /** The current state. */
  public synchronized JobView view() {
    return view;
  }

  public synchronized JobState state() {
    return state;
  }

  /** Completes with the final view when the job ends. */
  public CompletableFuture<JobView> end() {
    return end;
  }

  /**
   * Tells {@code watcher} of the current state now and of every change after, until the job ends.
   *
   * @return a handle that stops the watching
   */
  public synchronized Runnable watch(Consumer<JobView> watcher) {
    watcher.accept(view);
    if (!state.ended()) {
      watchers.add(watcher);
    }
    return () -> unwatch(watcher);
  }

  private synchronized void unwatch(Consumer<JobView> watcher) {
    watchers.remove(watcher);
  }

  /** Whether the user asked to cancel; the worker stops at its next page or batch. */
  boolean cancelRequested() {
    return cancelRequested;
  }

  void requestCancel() {
    cancelRequested = true;
  }

  synchronized void queued(int ahead) {
    String text =
        ahead == 0
            ? "Stored; waiting for a free worker."
            : "Stored; waiting for a free worker (" + ahead + " ahead).";
    if (state == JobState.QUEUED && !text.equals(message)) {
      change("stored", 0, 0, text);
    }
  }

  synchronized void started() {
    if (state == JobState.QUEUED) {
      state = JobState.RUNNING;
      change("stored", 0, 0, "Starting.");
    }
  }

  /** Progress of a stage as the loader and the ingestor report it. */
  synchronized void progress(String newStage, int newDone, int newTotal) {
    if (state != JobState.RUNNING) {
      return;
    }
    change(newStage, newDone, newTotal, describe(newStage, newDone, newTotal));
  }

  synchronized void succeeded(DocumentInfo added) {
    if (!state.ended()) {
      document = added;
      state = JobState.SUCCEEDED;
      change(
          "indexed",
          added.chunks(),
          added.chunks(),
          "Indexed " + added.chunks() + (added.chunks() == 1 ? " chunk." : " chunks."));
    }
  }

  synchronized void failed(Problem why) {
    if (!state.ended()) {
      problem = why;
      state = JobState.FAILED;
      change(stage, done, total, why.detail());
    }
  }

  /** Ends the job as cancelled; false if it had already ended. */
  synchronized boolean cancelled() {
    if (state.ended()) {
      return false;
    }
    state = JobState.CANCELLED;
    change(stage, done, total, "Cancelled; the document was not added.");
    return true;
  }

  private void change(String newStage, int newDone, int newTotal, String newMessage) {
    stage = newStage;
    done = newDone;
    total = newTotal;
    message = newMessage;
    updatedAt = clock.instant();
    view = snapshot();
    for (Consumer<JobView> watcher : List.copyOf(watchers)) {
      watcher.accept(view);
    }
    if (state.ended()) {
      watchers.clear();
      end.complete(view);
    }
  }

  /** The progress in words; a loader's own stages read "Transcribing minute 3 of 10". */
  private String describe(String newStage, int newDone, int newTotal) {
    String unit = upload == null ? "part" : upload.unit();
    return switch (newStage) {
      case "extracting" ->
          newTotal > 0
              ? "Extracting " + unit + " " + newDone + " of " + newTotal
              : "Extracting text";
      case "ocr" -> "Reading " + unit + " " + newDone + " of " + newTotal + " by OCR";
      case "chunking" -> "Cutting the text into chunks";
      case "embedding" -> "Embedding chunk " + newDone + " of " + newTotal;
      case "indexed" -> "Indexed " + newTotal + " chunks";
      default ->
          newTotal > 0
              ? Character.toUpperCase(newStage.charAt(0))
                  + newStage.substring(1)
                  + " "
                  + unit
                  + " "
                  + newDone
                  + " of "
                  + newTotal
              : newStage;
    };
  }

  private JobView snapshot() {
    return new JobView(
        id,
        state.json(),
        stage,
        done,
        total,
        message,
        fileName,
        title,
        document,
        problem == null ? null : members(problem),
        createdAt,
        updatedAt);
  }

  /** The problem's RFC 9457 members, extensions at the top level. */
  private static Map<String, Object> members(Problem p) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", p.type());
    json.put("title", p.title());
    json.put("status", p.status());
    if (p.detail() != null) {
      json.put("detail", p.detail());
    }
    if (p.instance() != null) {
      json.put("instance", p.instance());
    }
    if (p.extensions() != null) {
      json.putAll(p.extensions());
    }
    return json;
  }

  /** The problem, when failed. */
  public synchronized Problem problem() {
    return problem;
  }
}

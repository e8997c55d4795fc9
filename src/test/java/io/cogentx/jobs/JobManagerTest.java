package io.cogentx.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cogentx.application.Failures;
import io.cogentx.problem.Problem;
import io.cogentx.problem.ProblemType;
import io.cogentx.retrieval.DocumentInfo;
import io.cogentx.retrieval.IngestCancelledException;
import io.cogentx.retrieval.Upload;
import io.cogentx.session.Session;
import io.cogentx.session.SessionListener;
import io.cogentx.session.SessionStore;
import io.cogentx.session.TestStorage;
import io.cogentx.spi.DocumentException;
import io.cogentx.spi.Progress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job manager with a stand-in ingest whose jobs run until the test lets them finish. */
class JobManagerTest {

  @TempDir Path spoolDir;

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final SessionStore sessions =
      TestStorage.store(Duration.ofHours(1), 0, Clock.systemUTC(), new SessionListener() {});
  private final List<String> started = new CopyOnWriteArrayList<>();
  private final Map<String, CountDownLatch> release = new ConcurrentHashMap<>();
  private final Map<String, CountDownLatch> running = new ConcurrentHashMap<>();

  /** Reads the upload, reports progress, waits to be released (or cancelled), adds a document. */
  private final JobManager.Ingest ingest =
      (Session session, Upload upload, Progress progress) -> {
        String text = Files.readString(upload.file());
        started.add(upload.fileName());
        progress.report("extracting", 1, 2);
        latch(running, upload.fileName()).countDown();
        while (!latch(release, upload.fileName()).await(5, TimeUnit.MILLISECONDS)) {
          if (progress.cancelled()) {
            throw new IngestCancelledException();
          }
        }
        if (text.startsWith("broken")) {
          throw new DocumentException(DocumentException.Reason.DAMAGED, "The file is damaged.");
        }
        progress.report("embedding", 3, 3);
        return new DocumentInfo(
            "d-" + upload.fileName(),
            upload.fileName(),
            upload.fileName(),
            "text/plain",
            "text",
            text.length(),
            3,
            text.length(),
            10,
            Instant.now(),
            List.of());
      };

  private static CountDownLatch latch(Map<String, CountDownLatch> latches, String name) {
    return latches.computeIfAbsent(name, n -> new CountDownLatch(1));
  }

  private JobManager manager(int concurrency, int capacity, int perSession) throws IOException {
    return new JobManager(
        executor,
        new IngestQueue.Limits(concurrency, capacity, perSession),
        new UploadSpool(spoolDir),
        ingest,
        e ->
            e instanceof DocumentException d
                ? ProblemType.UNPROCESSABLE.with(d.getMessage(), Map.of("reason", "damaged"))
                : new Problem("x", "x", 500, e.toString(), null, Map.of()),
        Clock.systemUTC());
  }

  private Job submit(JobManager jobs, Session session, String name, String content)
      throws IOException {
    Path file =
        jobs.spool().store(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    return jobs.submit(session, TestUploads.of(file, content.length(), name, "text/plain", "part"));
  }

  private static JobView ended(Job job) throws Exception {
    return job.end().get(10, TimeUnit.SECONDS);
  }

  private long spooled() throws IOException {
    try (var files = Files.list(spoolDir)) {
      return files.count();
    }
  }

  private void awaitRunning(String name) throws InterruptedException {
    assertThat(latch(running, name).await(10, TimeUnit.SECONDS)).as(name + " started").isTrue();
  }

  @AfterEach
  void tearDown() {
    release.values().forEach(CountDownLatch::countDown);
    executor.shutdownNow();
  }

  @Test
  void oneJobPerSessionRunsAtATimeAndTheRestStartFirstComeFirstServed() throws Exception {
    JobManager jobs = manager(2, 10, 10);
    Session a = sessions.create();
    Session b = sessions.create();
    Session c = sessions.create();
    Job a1 = submit(jobs, a, "a1", "x");
    Job a2 = submit(jobs, a, "a2", "x");
    Job b1 = submit(jobs, b, "b1", "x");
    Job c1 = submit(jobs, c, "c1", "x");
    awaitRunning("a1");
    awaitRunning("b1");

    assertThat(a1.state()).isEqualTo(JobState.RUNNING);
    assertThat(b1.state()).isEqualTo(JobState.RUNNING);
    assertThat(a2.state()).isEqualTo(JobState.QUEUED);
    assertThat(c1.state()).isEqualTo(JobState.QUEUED);
    assertThat(a2.view().message()).isEqualTo("Stored; waiting for a free worker.");
    assertThat(c1.view().message()).isEqualTo("Stored; waiting for a free worker (1 ahead).");
    assertThat(jobs.running()).isEqualTo(2);

    latch(release, "a1").countDown();
    assertThat(ended(a1).state()).isEqualTo("succeeded");
    awaitRunning("a2");
    assertThat(c1.state()).isEqualTo(JobState.QUEUED);
    latch(release, "b1").countDown();
    awaitRunning("c1");
    release.values().forEach(CountDownLatch::countDown);
    latch(release, "a2").countDown();
    latch(release, "c1").countDown();
    ended(a2);
    ended(c1);

    // a1 and b1 start together on two workers (either may record first); a2 waits for a1, c1 for a
    // worker
    assertThat(started.subList(0, 2)).containsExactlyInAnyOrder("a1", "b1");
    assertThat(started.subList(2, 4)).containsExactly("a2", "c1");
    assertThat(jobs.list(a)).extracting(JobView::fileName).containsExactly("a2", "a1");
    assertThat(spooled()).isZero();
  }

  @Test
  void aFullQueueRefusesNewUploadsAndKeepsNothingOfThem() throws Exception {
    JobManager jobs = manager(1, 1, 5);
    Session a = sessions.create();
    Session b = sessions.create();
    submit(jobs, a, "a1", "x");
    awaitRunning("a1");
    submit(jobs, b, "b1", "x");

    assertThatThrownBy(() -> submit(jobs, b, "b2", "x"))
        .isInstanceOfSatisfying(
            IngestQueue.FullException.class,
            e -> {
              assertThat(e.session()).isFalse();
              Problem problem = Failures.of(e);
              assertThat(problem.status()).isEqualTo(503);
              assertThat(problem.extensions()).containsKey(Problem.RETRY_AFTER);
              assertThat(problem.detail()).contains("1 waiting");
            });
    assertThat(jobs.list(b)).extracting(JobView::fileName).containsExactly("b1");
    assertThat(spooled()).isEqualTo(2);
  }

  @Test
  void oneSessionCannotFillTheQueue() throws Exception {
    JobManager jobs = manager(1, 10, 2);
    Session a = sessions.create();
    submit(jobs, a, "a1", "x");
    awaitRunning("a1");
    submit(jobs, a, "a2", "x");
    submit(jobs, a, "a3", "x");

    assertThatThrownBy(() -> submit(jobs, a, "a4", "x"))
        .isInstanceOfSatisfying(
            IngestQueue.FullException.class,
            e -> {
              assertThat(e.session()).isTrue();
              assertThat(Failures.of(e).status()).isEqualTo(429);
              assertThat(Failures.of(e).extensions()).containsKey(Problem.RETRY_AFTER);
            });
    submit(jobs, sessions.create(), "b1", "x"); // another session still gets in
    assertThat(jobs.waiting()).isEqualTo(3);
  }

  @Test
  void cancellingAQueuedJobEndsItAtOnceAndARunningOneAtItsNextCheck() throws Exception {
    JobManager jobs = manager(1, 10, 10);
    Session a = sessions.create();
    Session b = sessions.create();
    Job running = submit(jobs, a, "a1", "x");
    Job queued = submit(jobs, b, "b1", "x");
    awaitRunning("a1");

    jobs.cancel(queued);
    assertThat(queued.state()).isEqualTo(JobState.CANCELLED);
    assertThat(queued.view().message()).contains("not added");
    jobs.cancel(running);
    JobView end = ended(running);

    assertThat(end.state()).isEqualTo("cancelled");
    assertThat(end.document()).isNull();
    assertThat(started).containsExactly("a1");
    assertThat(spooled()).isZero();
  }

  @Test
  void aFailedJobCarriesTheProblemAndItsFileIsDeleted() throws Exception {
    JobManager jobs = manager(1, 10, 10);
    Job job = submit(jobs, sessions.create(), "bad", "broken bytes");
    latch(release, "bad").countDown();

    JobView end = ended(job);
    assertThat(end.state()).isEqualTo("failed");
    assertThat(end.problem())
        .containsEntry("status", 422)
        .containsEntry("reason", "damaged")
        .containsEntry("detail", "The file is damaged.")
        .containsEntry("instance", "/api/v1/jobs/" + job.id());
    assertThat(end.message()).isEqualTo("The file is damaged.");
    assertThat(end.stage()).isEqualTo("extracting");
    assertThat(spooled()).isZero();
  }

  @Test
  void progressIsReportedInWordsWithTheUnit() throws Exception {
    JobManager jobs = manager(1, 10, 10);
    Job job = submit(jobs, sessions.create(), "p", "x");
    awaitRunning("p");

    assertThat(job.view().stage()).isEqualTo("extracting");
    assertThat(job.view().message()).isEqualTo("Extracting part 1 of 2");
    latch(release, "p").countDown();
    JobView end = ended(job);
    assertThat(end.message()).isEqualTo("Indexed 3 chunks.");
    assertThat(end.document().id()).isEqualTo("d-p");
    assertThat(end.updatedAt()).isAfterOrEqualTo(end.createdAt());
  }

  @Test
  void endingTheSessionCancelsItsJobsAndDeletesTheirFiles() throws Exception {
    JobManager jobs = manager(1, 10, 10);
    Session a = sessions.create();
    Job running = submit(jobs, a, "a1", "x");
    Job queued = submit(jobs, a, "a2", "x");
    awaitRunning("a1");
    assertThat(spooled()).isEqualTo(2);

    assertThat(sessions.delete(a.id())).isTrue();

    assertThat(queued.state()).isEqualTo(JobState.CANCELLED);
    assertThat(ended(running).state()).isEqualTo("cancelled");
    assertThat(spooled()).isZero();
    assertThat(started).containsExactly("a1");
  }

  @Test
  void leftoverUploadsOfAPreviousRunAreDeletedAtStart() throws IOException {
    Files.writeString(spoolDir.resolve("upload-123.bin"), "orphan");
    assertThat(new UploadSpool(spoolDir).count()).isZero();
  }
}

package io.cogentx.bench;

import io.cogentx.application.Failures;
import io.cogentx.jobs.IngestQueue;
import io.cogentx.jobs.Job;
import io.cogentx.jobs.JobManager;
import io.cogentx.jobs.UploadSpool;
import io.cogentx.retrieval.DocumentInfo;
import io.cogentx.retrieval.Loaders;
import io.cogentx.retrieval.Upload;
import io.cogentx.session.Session;
import io.cogentx.session.SessionListener;
import io.cogentx.session.SessionStore;
import io.cogentx.spi.Progress;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What background ingestion costs on top of the ingestion itself: for an upload of a given size,
 * the time to store it in the spool directory, queue it, hand it to an executor thread, read it
 * back and record the end (the ingest step is a no-op that reads the bytes), against reading the
 * same bytes from memory in the caller's thread. Run with {@code bench/run.sh JobOverheadBench}.
 */
public final class JobOverheadBench {

  private static final int RUNS = 400;

  private JobOverheadBench() {}

  public static void main(String[] args) throws Exception {
    BenchResult result = new BenchResult(BenchResult.name(args, "job-overhead"));
    Path spoolDir = Files.createTempDirectory("cogentx-job-bench");
    ExecutorService executor = Executors.newFixedThreadPool(2);
    SessionStore sessions =
        new SessionStore(
            Duration.ofHours(1),
            Duration.ofHours(1),
            0,
            Clock.systemUTC(),
            SessionListener.NONE,
            Plugins.memoryStorage());
    JobManager.Ingest readAll =
        (Session session, Upload upload, Progress p) -> {
          long n;
          try (InputStream in = Files.newInputStream(upload.file())) {
            n = in.transferTo(java.io.OutputStream.nullOutputStream());
          }
          return new DocumentInfo(
              "d", "t", "f", "text/plain", "text", n, 1, n, n, Instant.now(), List.of());
        };
    Loaders loaders = Plugins.loaders();
    JobManager jobs =
        new JobManager(
            executor,
            new IngestQueue.Limits(2, 64, 16),
            new UploadSpool(spoolDir),
            readAll,
            Failures::of,
            Clock.systemUTC());
    StringBuilder summary =
        new StringBuilder("job overhead (store + queue + hand-off + read back):");
    for (int size : new int[] {2 * 1024, 3 * 1024 * 1024}) {
      byte[] bytes = new byte[size];
      new Random(1).nextBytes(bytes);
      int runs = size > 1 << 20 ? RUNS / 8 : RUNS;
      double[] direct = new double[runs];
      double[] viaJob = new double[runs];
      for (int round = 0; round < 2; round++) { // round 0 warms up
        for (int i = 0; i < runs; i++) {
          Session session = sessions.create();
          Path stored = jobs.spool().store(new ByteArrayInputStream(bytes));
          Loaders.Choice reading = loaders.choose(stored, "f.txt", "text/plain");
          long start = System.nanoTime();
          readAll.ingest(session, upload(stored, size, reading), Progress.NONE);
          direct[i] = (System.nanoTime() - start) / 1e6;
          jobs.spool().delete(stored);
          start = System.nanoTime();
          Path file = jobs.spool().store(new ByteArrayInputStream(bytes));
          Job job = jobs.submit(session, upload(file, size, reading));
          job.end().get(30, TimeUnit.SECONDS);
          viaJob[i] = (System.nanoTime() - start) / 1e6;
          sessions.delete(session.id());
        }
      }
      double overhead = Stats.median(viaJob) - Stats.median(direct);
      String key = size > 1 << 20 ? "3mb" : "2kb";
      result
          .put(key + "_direct_ms_median", Stats.round(Stats.median(direct), 3))
          .put(key + "_job_ms_median", Stats.round(Stats.median(viaJob), 3))
          .put(key + "_job_ms_p99", Stats.round(Stats.percentile(viaJob, 99), 3))
          .put(key + "_overhead_ms_median", Stats.round(overhead, 3));
      summary.append(
          String.format(
              " %s %.2f ms median (p99 %.2f ms);",
              key, overhead, Stats.percentile(viaJob, 99) - Stats.median(direct)));
    }
    executor.shutdown();
    Files.deleteIfExists(spoolDir);
    result.write(summary.toString());
  }

  private static Upload upload(Path file, long size, Loaders.Choice reading) {
    return new Upload(file, size, "f.txt", reading, null, Map.of());
  }
}

package io.cogentx.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.retrieval.DocumentInfo;
import io.cogentx.session.SessionListener;
import io.cogentx.session.SessionStore;
import io.cogentx.session.TestStorage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class JobEventStreamTest {

  private final SessionStore sessions =
      TestStorage.store(Duration.ofHours(1), 0, Clock.systemUTC(), new SessionListener() {});

  /** Records what was sent; each send completes when the test says so (or at once). */
  private static final class Recorder implements JobEventStream.Client {
    final List<String> sent = new ArrayList<>();
    final List<CompletableFuture<Void>> pending = new ArrayList<>();
    boolean slow;
    boolean closed;

    @Override
    public CompletionStage<?> send(String event, JobView job) {
      sent.add(event + " " + job.state() + " " + job.stage() + " " + job.done());
      CompletableFuture<Void> f = new CompletableFuture<>();
      if (slow) {
        pending.add(f);
      } else {
        f.complete(null);
      }
      return f;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private Job job() {
    return new Job(
        "j1",
        sessions.create(),
        TestUploads.of(Path.of("x"), 1, "a.pdf", "application/pdf", "page"),
        Clock.systemUTC());
  }

  private static DocumentInfo document() {
    return new DocumentInfo(
        "d", "t", "a.pdf", "application/pdf", "pdf", 1, 4, 10, 10, Instant.now(), List.of());
  }

  @Test
  void sendsTheCurrentStateThenEveryChangeThenDoneAndCloses() {
    Job job = job();
    Recorder client = new Recorder();
    JobEventStream.start(job, client, Runnable::run);
    job.started();
    job.progress("extracting", 1, 2);
    job.progress("extracting", 2, 2);
    job.succeeded(document());
    job.progress("extracting", 3, 3); // after the end: ignored

    assertThat(client.sent)
        .containsExactly(
            "progress queued stored 0",
            "progress running stored 0",
            "progress running extracting 1",
            "progress running extracting 2",
            "done succeeded indexed 4");
    assertThat(client.closed).isTrue();
  }

  @Test
  void aClientConnectingAfterTheEndGetsJustDone() {
    Job job = job();
    job.cancelled();
    Recorder client = new Recorder();
    JobEventStream.start(job, client, Runnable::run);

    assertThat(client.sent).containsExactly("done cancelled stored 0");
    assertThat(client.closed).isTrue();
  }

  @Test
  void aSlowClientGetsTheNewestStateNextAndStillEndsWithDone() {
    Job job = job();
    Recorder client = new Recorder();
    client.slow = true;
    JobEventStream.start(job, client, Runnable::run);
    job.started();
    for (int page = 1; page <= 50; page++) {
      job.progress("extracting", page, 50);
    }
    client.pending.getFirst().complete(null);
    job.succeeded(document());
    client.pending.getLast().complete(null);
    client.pending.getLast().complete(null);

    assertThat(client.sent)
        .containsExactly(
            "progress queued stored 0",
            "progress running extracting 50",
            "done succeeded indexed 4");
    client.pending.forEach(f -> f.complete(null));
    assertThat(client.closed).isTrue();
  }

  @Test
  void aClientThatWentAwayStopsBeingSentTo() {
    Job job = job();
    Recorder client = new Recorder();
    client.slow = true;
    JobEventStream.start(job, client, Runnable::run);
    client.pending.getFirst().completeExceptionally(new java.io.IOException("gone"));
    job.started();

    assertThat(client.sent).containsExactly("progress queued stored 0");
    assertThat(client.closed).isTrue();
  }
}

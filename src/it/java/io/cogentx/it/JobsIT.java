package io.cogentx.it;

import static io.cogentx.it.Api.SESSION;
import static io.cogentx.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Background ingestion through the real server: 202 and a job, progress, events, cancel. */
class JobsIT {

  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final List<String> STAGES =
      List.of("stored", "extracting", "ocr", "chunking", "embedding", "indexed");

  /** Text long enough to keep the embedder busy for many seconds (thousands of chunks). */
  private static byte[] longText() {
    Random random = new Random(42);
    String[] words =
        "harbour lantern keeper tide rock storm supply boat oil wick gallery stair fog bell signal"
            .split(" ");
    StringBuilder sb = new StringBuilder();
    while (sb.length() < 1_500_000) {
      for (int s = 0; s < 8; s++) {
        for (int w = 0; w < 12; w++) {
          sb.append(words[random.nextInt(words.length)]).append(' ');
        }
        sb.append(random.nextInt(100_000)).append(". ");
      }
      sb.append("\n\n");
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> uploadAsync(String session, String name, byte[] content) {
    return Api.send(
        new Multipart()
            .file("file", name, "text/plain", content)
            .post("/api/v1/documents", session));
  }

  private static String jobId(HttpResponse<String> accepted) {
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    return Api.json(accepted).getString("id");
  }

  private static JsonObject job(String session, String id) {
    HttpResponse<String> r = Api.get("/api/v1/jobs/" + id, SESSION, session);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Api.json(r);
  }

  private static void awaitState(String session, String id, String state) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!job(session, id).getString("state").equals(state)) {
      assertThat(System.nanoTime()).as("job never " + state).isLessThan(deadline);
      Api.sleep(Duration.ofMillis(50));
    }
  }

  private static int documents(String session) {
    return Api.json(Api.get("/api/v1/documents", SESSION, session)).getInt("total_documents");
  }

  @Test
  void uploadAnswers202WithTheJobAndTheJobEndsWithTheDocument() {
    String session = Api.newSession();
    HttpResponse<String> accepted =
        Api.postJson(
            "/api/v1/documents",
            session,
            "{\"title\": \"Bees\", \"text\": \"Honey bees communicate by a waggle dance.\"}");

    String id = jobId(accepted);
    JsonObject queued = Api.json(accepted);
    assertThat(accepted.headers().firstValue("Location")).hasValue(Api.BASE + "/api/v1/jobs/" + id);
    assertThat(queued.getString("state")).isIn("queued", "running", "succeeded");
    assertThat(queued.getString("title")).isEqualTo("Bees");
    assertThat(queued.getString("created_at")).isNotBlank();

    JsonObject ended = Api.awaitJob(session, id, PATIENCE);
    assertThat(ended.getString("state")).isEqualTo("succeeded");
    assertThat(ended.getString("stage")).isEqualTo("indexed");
    JsonObject document = ended.getJsonObject("document");
    assertThat(document.getString("title")).isEqualTo("Bees");
    assertThat(ended.containsKey("problem")).isFalse();
    assertThat(
            Api.get("/api/v1/documents/" + document.getString("id"), SESSION, session).statusCode())
        .isEqualTo(200);
    assertThat(
            Api.json(Api.get("/api/v1/jobs", SESSION, session))
                .getJsonArray("jobs")
                .getJsonObject(0)
                .getString("id"))
        .isEqualTo(id);
  }

  @Test
  void eventsReportEveryStageInOrderThenDoneAndAcceptTheSessionAsQueryParameter()
      throws IOException {
    Path pdf = Path.of("../shared/data/pdf/federal-register-2020-17221.pdf");
    Assumptions.assumeTrue(Files.isRegularFile(pdf), "SKIPPED: " + pdf + " is absent");
    String session = Api.newSession();
    String id =
        jobId(
            Api.send(
                new Multipart()
                    .file("file", "fr.pdf", "application/pdf", Files.readAllBytes(pdf))
                    .post("/api/v1/documents", session)));

    // as a browser's EventSource does: no header, the session in the query
    List<Api.Event> events = Api.events("/api/v1/jobs/" + id + "/events?session_id=" + session);

    assertThat(events).isNotEmpty();
    assertThat(events.getLast().name()).isEqualTo("done");
    assertThat(events.subList(0, events.size() - 1)).allMatch(e -> e.name().equals("progress"));
    JsonObject done = events.getLast().data();
    assertThat(done.getString("state")).isEqualTo("succeeded");
    assertThat(done.getJsonObject("document").getString("loader")).isEqualTo("pdf");
    int stage = 0;
    int progress = -1;
    boolean sawPages = false;
    for (Api.Event event : events) {
      JsonObject job = event.data();
      int s = STAGES.indexOf(job.getString("stage"));
      assertThat(s).as(job.toString()).isGreaterThanOrEqualTo(stage);
      if (s > stage) {
        progress = -1;
      }
      stage = s;
      assertThat(job.getInt("done")).as(job.toString()).isGreaterThanOrEqualTo(progress);
      progress = job.getInt("done");
      if (job.getString("stage").equals("extracting") && job.getInt("total") == 15) {
        sawPages = true;
        assertThat(job.getString("message")).startsWith("Extracting page ").endsWith(" of 15");
      }
    }
    assertThat(sawPages).as("page progress i of 15 in " + events).isTrue();
    assertThat(events.stream().map(e -> e.data().getString("stage")))
        .contains("extracting", "embedding", "indexed");

    // after the end: just done
    List<Api.Event> late = Api.events("/api/v1/jobs/" + id + "/events", SESSION, session);
    assertThat(late).hasSize(1);
    assertThat(late.getFirst().name()).isEqualTo("done");
    assertThat(late.getFirst().data().getString("state")).isEqualTo("succeeded");
  }

  @Test
  void cancellingARunningJobStopsItAndAddsNothing() {
    String session = Api.newSession();
    String id = jobId(uploadAsync(session, "long.txt", longText()));
    awaitState(session, id, "running");

    assertThat(Api.delete("/api/v1/jobs/" + id, SESSION, session).statusCode()).isEqualTo(204);

    JsonObject cancelled = job(session, id);
    assertThat(cancelled.getString("state")).isEqualTo("cancelled");
    assertThat(cancelled.containsKey("document")).isFalse();
    assertThat(documents(session)).isZero();
    assertProblem(Api.delete("/api/v1/jobs/" + id, SESSION, session), 409);
  }

  @Test
  void aSessionsUploadsRunOneAtATimeAndDeletingTheSessionCancelsThemAndTheirFiles()
      throws IOException {
    String session = Api.newSession();
    byte[] text = longText();
    String first = jobId(uploadAsync(session, "first.txt", text));
    String second = jobId(uploadAsync(session, "second.txt", text));
    awaitState(session, first, "running");
    assertThat(job(session, second).getString("state")).isEqualTo("queued");
    // another session is not held up by this one's queue
    String other = Api.newSession();
    HttpResponse<String> quick =
        Api.postJson(
            "/api/v1/documents?wait=true", other, "{\"title\": \"Q\", \"text\": \"Quick one.\"}");
    assertThat(quick.statusCode()).as(quick.body()).isEqualTo(201);
    assertThat(job(session, second).getString("state")).isEqualTo("queued");
    assertThat(spooled()).isPositive();

    assertThat(Api.delete("/api/v1/session", SESSION, session).statusCode()).isEqualTo(204);

    assertProblem(Api.get("/api/v1/jobs/" + first, SESSION, session), 404);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (spooled() > 0 && System.nanoTime() < deadline) {
      Api.sleep(Duration.ofMillis(100));
    }
    assertThat(spooled()).as("stored uploads left in the spool directory").isZero();
  }

  /** Uploads stored in the IT server's spool directory now. */
  @Test
  void aDocumentIsSearchableAndAnsweredWhileItIsEmbeddedAndGoneWhenCancelled() {
    String session = Api.newSession();
    byte[] marked =
        ("The quartermaster's password is zyxwvutsrq.\n\n"
                + new String(longText(), StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8);
    String id = jobId(uploadAsync(session, "log.txt", marked));
    awaitStage(session, id, "embedding");

    JsonObject found =
        Api.json(
            Api.postJson(
                "/api/v1/search",
                session,
                "{\"query\": \"quartermaster zyxwvutsrq\", \"k\": 3, \"mode\": \"keyword\"}"));
    assertThat(job(session, id).getString("state")).as("still embedding").isEqualTo("running");
    assertThat(found.getJsonArray("results").getJsonObject(0).getString("text"))
        .contains("zyxwvutsrq");
    JsonObject indexing = found.getJsonObject("indexing");
    assertThat(indexing.getInt("documents")).isEqualTo(1);
    assertThat(indexing.getInt("chunks_pending")).isPositive();
    assertThat(
            Api.json(Api.get("/api/v1/session/info", SESSION, session)).getJsonObject("indexing"))
        .isNotNull();
    assertThat(documents(session)).as("listed only once indexed").isZero();
    JsonObject asked = Ask.json(session, "What is the quartermaster's password?");
    assertThat(asked.getBoolean("abstained"))
        .as("answered while the document is embedded: " + asked)
        .isFalse();
    assertThat(asked.getJsonObject("indexing").getInt("chunks_pending")).isPositive();

    assertThat(Api.delete("/api/v1/jobs/" + id, SESSION, session).statusCode()).isEqualTo(204);
    awaitState(session, id, "cancelled");
    JsonObject after =
        Api.json(
            Api.postJson(
                "/api/v1/search",
                session,
                "{\"query\": \"quartermaster zyxwvutsrq\", \"mode\": \"keyword\"}"));
    assertThat(after.getJsonArray("results")).isEmpty();
    assertThat(after.containsKey("indexing")).isFalse();
  }

  private static void awaitStage(String session, String id, String stage) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!job(session, id).getString("stage").equals(stage)) {
      assertThat(System.nanoTime()).as("job never at " + stage).isLessThan(deadline);
      Api.sleep(Duration.ofMillis(20));
    }
  }

  private static long spooled() throws IOException {
    Path spool = Api.SERVER_DIR.resolve("tmp/uploads");
    assertThat(spool).isDirectory();
    try (Stream<Path> files = Files.list(spool)) {
      return files.count();
    }
  }

  @Test
  void aFailedJobSaysWhyAndTheSessionKeepsItsDocuments() {
    String session = Api.newSession();
    HttpResponse<String> kept =
        Api.postJson(
            "/api/v1/documents?wait=true", session, "{\"title\": \"K\", \"text\": \"Kept safe.\"}");
    assertThat(kept.statusCode()).as(kept.body()).isEqualTo(201);

    String id =
        jobId(
            Api.send(
                new Multipart()
                    .file(
                        "file",
                        "broken.pdf",
                        "application/pdf",
                        "%PDF-1.4\nnot really a PDF\n%%EOF".getBytes(StandardCharsets.US_ASCII))
                    .post("/api/v1/documents", session)));

    JsonObject failed = Api.awaitJob(session, id, PATIENCE);
    assertThat(failed.getString("state")).isEqualTo("failed");
    JsonObject problem = failed.getJsonObject("problem");
    assertThat(problem.getInt("status")).isEqualTo(422);
    assertThat(problem.getString("reason")).isEqualTo("damaged");
    assertThat(problem.getString("detail")).isNotBlank().isEqualTo(failed.getString("message"));
    assertThat(problem.getString("type")).startsWith("tag:cogentx.io");
    assertThat(documents(session)).isEqualTo(1);
  }

  @Test
  void jobsAreSessionPrivateAndTheQueryParameterIsValidated() {
    String owner = Api.newSession();
    String id =
        jobId(
            Api.postJson(
                "/api/v1/documents", owner, "{\"title\": \"S\", \"text\": \"Secret text.\"}"));
    String stranger = Api.newSession();

    assertProblem(Api.get("/api/v1/jobs/" + id, SESSION, stranger), 404);
    assertProblem(Api.get("/api/v1/jobs/" + id + "?session_id=" + stranger), 404);
    assertProblem(Api.get("/api/v1/jobs/" + id + "/events", SESSION, stranger), 404);
    assertProblem(Api.delete("/api/v1/jobs/" + id, SESSION, stranger), 404);
    assertThat(Api.json(Api.get("/api/v1/jobs", SESSION, stranger)).getJsonArray("jobs")).isEmpty();
    assertProblem(Api.get("/api/v1/jobs/" + id + "?session_id=not-a-uuid"), 400);
    // the header wins over the query parameter
    assertProblem(Api.get("/api/v1/jobs/" + id + "?session_id=" + owner, SESSION, stranger), 404);

    HttpResponse<String> byQuery = Api.get("/api/v1/jobs/" + id + "?session_id=" + owner);
    assertThat(byQuery.statusCode()).as(byQuery.body()).isEqualTo(200);
    assertThat(byQuery.headers().firstValue(SESSION)).hasValue(owner);
    assertThat(Api.awaitJob(owner, id, PATIENCE).getString("state")).isEqualTo("succeeded");
  }

  @Test
  void metricsCountRunningAndWaitingJobs() {
    assertThat(Api.get("/metrics?scope=application").body())
        .contains("ingest_jobs_running")
        .contains("ingest_jobs_waiting");
  }

  @Test
  void whatCanBeCheckedAtOnceIsAnsweredAtOnceAndCreatesNoJob() {
    String session = Api.newSession();
    assertProblem(
        Api.send(
            new Multipart()
                .file("file", "photo.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'})
                .post("/api/v1/documents", session)),
        415);
    assertProblem(Api.postJson("/api/v1/documents", session, "{\"title\": \"x\"}"), 422);
    assertThat(Api.json(Api.get("/api/v1/jobs", SESSION, session)).getJsonArray("jobs")).isEmpty();
  }
}

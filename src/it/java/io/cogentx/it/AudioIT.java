package io.cogentx.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every recording in ../shared/data/audio (SOURCES.md, section 3) uploaded through the real server
 * and transcribed by the offline default (pocketsphinx, with the real ffmpeg): each is indexed with
 * timed chunks, search and answers cite the time range, the recording plays back with byte ranges;
 * broken recordings are 422 with a reason, and no decoded file or ffmpeg/pocketsphinx process is
 * left behind (the work directory and the process table are checked).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AudioIT {

  /**
   * shared/data/audio beside the repository (as CI lays it out), else the machine's /work/shared.
   */
  static final Path AUDIO =
      Stream.of("../shared/data/audio", "/work/shared/data/audio")
          .map(Path::of)
          .filter(Files::isDirectory)
          .findFirst()
          .orElse(Path.of("../shared/data/audio"));

  private static final Path WORK =
      Path.of(System.getProperty("it.audio.work.dir", "target/it-audio-work"));
  private static final String LONG = "gb0-weekly-radio-address-2008-11-01.wav";

  /** What a user should see for each file: indexed by the audio loader, or as text. */
  private static final Map<String, String> LOADER = new LinkedHashMap<>();

  static {
    for (String name :
        List.of(
            "jfk.wav",
            "jfk.mp3",
            "jfk.TRANSCODED.m4a",
            "jfk.TRANSCODED.opus",
            LONG,
            "LJ001-0001.wav",
            "LJ001-0003.flac",
            "LJ001-0005.mp3",
            "LJ001-0007.mp3",
            "librispeech-5703-47212-0000.ogg")) {
      LOADER.put(name, "audio");
    }
    LOADER.put("transcripts.jsonl", "text");
  }

  record Upload(String file, String session, JsonObject ended) {}

  private final Map<String, Upload> uploads = new LinkedHashMap<>();
  private CompletableFuture<List<Api.Event>> longEvents =
      CompletableFuture.completedFuture(List.of());

  @BeforeAll
  void uploadEveryRecording() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(AUDIO), "SKIPPED: " + AUDIO + " is absent");
    Map<String, String[]> accepted = new LinkedHashMap<>();
    List<String> files;
    try (Stream<Path> list = Files.list(AUDIO)) {
      files = list.map(p -> p.getFileName().toString()).sorted().toList();
    }
    // the long one first, so it runs beside the others
    List<String> order = new ArrayList<>(files);
    order.remove(LONG);
    order.addFirst(LONG);
    for (String file : order) {
      String session = Api.newSession();
      HttpResponse<String> response =
          Api.send(
              new Multipart()
                  .file(
                      "file",
                      file,
                      "application/octet-stream",
                      Files.readAllBytes(AUDIO.resolve(file)))
                  .post("/api/v1/documents", session));
      assertThat(response.statusCode()).as(file + ": " + response.body()).isEqualTo(202);
      String id = Api.json(response).getString("id");
      accepted.put(file, new String[] {session, id});
      if (file.equals(LONG)) {
        longEvents =
            CompletableFuture.supplyAsync(
                () -> Api.events("/api/v1/jobs/" + id + "/events?session_id=" + session));
      }
    }
    for (Map.Entry<String, String[]> e : accepted.entrySet()) {
      JsonObject ended = Api.awaitJob(e.getValue()[0], e.getValue()[1], Duration.ofMinutes(10));
      uploads.put(e.getKey(), new Upload(e.getKey(), e.getValue()[0], ended));
    }
  }

  @Test
  void everyRecordingIsIndexedWithTimedChunksByTheOfflineEngine() {
    assertThat(uploads.keySet()).containsExactlyInAnyOrderElementsOf(LOADER.keySet());
    List<String> wrong = new ArrayList<>();
    for (Upload u : uploads.values()) {
      JsonObject job = u.ended();
      if (!job.getString("state").equals("succeeded")) {
        wrong.add(u.file() + ": " + job);
        continue;
      }
      JsonObject doc = job.getJsonObject("document");
      if (!doc.getString("loader").equals(LOADER.get(u.file())) || doc.getInt("chunks") < 1) {
        wrong.add(u.file() + ": " + doc);
      }
      if (LOADER.get(u.file()).equals("audio")
          && doc.getJsonArray("warnings").stream()
              .noneMatch(w -> w.toString().contains("Transcribed by pocketsphinx"))) {
        wrong.add(u.file() + ": no word of the engine that transcribed it: " + doc);
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(Api.get("/health/ready").statusCode()).isEqualTo(200);
    assertWorkDirectoryEmptyAndNoProcessLeft();
  }

  @Test
  void theLongRecordingsProgressIsReportedMinuteByMinute() throws Exception {
    List<Api.Event> events = longEvents.get(10, TimeUnit.MINUTES);
    List<String> messages =
        events.stream()
            .map(Api.Event::data)
            .filter(j -> j.getString("stage").equals("transcribing"))
            .map(j -> j.getString("message"))
            .distinct()
            .toList();
    assertThat(messages).contains("Transcribing minute 1 of 3", "Transcribing minute 3 of 3");
    assertThat(events.getLast().data().getString("state")).isEqualTo("succeeded");
  }

  @Test
  void searchAndAnswersCiteTheTimeRangeAndTheRecordingPlaysFromThere() {
    Upload jfk = uploads.get("jfk.wav");
    String documentId = jfk.ended().getJsonObject("document").getString("id");

    HttpResponse<String> search =
        Api.postJson(
            "/api/v1/search", jfk.session(), "{\"query\": \"your country can do for you\"}");
    JsonObject hit = Api.json(search).getJsonArray("results").getJsonObject(0);
    assertThat(hit.getString("title")).isEqualTo("jfk.wav");
    assertThat(hit.getJsonNumber("start_seconds").doubleValue()).isBetween(0.0, 11.0);
    assertThat(hit.getJsonNumber("end_seconds").doubleValue())
        .isBetween(hit.getJsonNumber("start_seconds").doubleValue(), 11.1);

    JsonObject answer = Ask.json(jfk.session(), "What can your country do for you?");
    List<JsonObject> sources =
        answer.getJsonArray("sources").stream().map(JsonValue::asJsonObject).toList();
    assertThat(sources).isNotEmpty();
    JsonObject source = sources.get(0);
    assertThat(source.getString("document_id")).isEqualTo(documentId);
    assertThat(source.getJsonNumber("start_seconds").doubleValue()).isBetween(0.0, 11.0);
    assertThat(source.getJsonNumber("end_seconds").doubleValue()).isBetween(0.5, 11.1);

    // the player asks for the recording with byte ranges, the session in the query
    HttpResponse<String> range =
        Api.send(
            Api.request("/api/v1/documents/" + documentId + "/content?session_id=" + jfk.session())
                .header("Range", "bytes=0-99")
                .GET());
    assertThat(range.statusCode()).isEqualTo(206);
    assertThat(range.headers().firstValue("Content-Type").orElse("")).startsWith("audio/");
  }

  @Test
  void pluginsAndHealthSayWhichEngineTranscribesAndHowToEnableWhisper() {
    JsonObject plugins = Api.json(Api.get("/api/v1/plugins")).getJsonObject("kinds");
    JsonObject pocketsphinx =
        plugins.getJsonArray("transcribers").stream()
            .map(JsonValue::asJsonObject)
            .filter(p -> p.getString("name").equals("pocketsphinx"))
            .findFirst()
            .orElseThrow();
    assertThat(pocketsphinx.getBoolean("active")).isTrue();
    assertThat(pocketsphinx.getJsonObject("health").getString("message"))
        .contains("weak")
        .contains("WHISPER_BASE_URL");
    JsonObject audio =
        plugins.getJsonArray("loaders").stream()
            .map(JsonValue::asJsonObject)
            .filter(p -> p.getString("name").equals("audio"))
            .findFirst()
            .orElseThrow();
    assertThat(audio.getString("progress_unit")).isEqualTo("minute");
    assertThat(audio.getJsonObject("health").getJsonObject("data").getString("transcriber"))
        .isEqualTo("pocketsphinx");
    String ready = Api.get("/health/ready").body();
    assertThat(ready).contains("\"audio.transcriber\":\"pocketsphinx\"");
  }

  @Test
  void brokenRecordingsAre422WithAReasonAndLeaveNothingBehind() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(AUDIO), "SKIPPED: " + AUDIO + " is absent");
    byte[] mp3 = Files.readAllBytes(AUDIO.resolve("jfk.mp3"));
    byte[] random = new byte[50_000];
    new Random(12).nextBytes(random);
    byte[] pdf =
        ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes();
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("half-of-jfk.mp3", Arrays.copyOf(mp3, mp3.length / 2));
    files.put("noise.mp3", random);
    files.put("nothing.wav", new byte[0]);
    files.put("report.wav", pdf);
    files.put("screen-recording.mp4", silentVideo());
    Map<String, String> reasons =
        Map.of(
            "half-of-jfk.mp3", "damaged",
            "noise.mp3", "damaged",
            "nothing.wav", "empty",
            "report.wav", "damaged",
            "screen-recording.mp4", "empty");
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      String session = Api.newSession();
      HttpResponse<String> r =
          Api.send(
              new Multipart()
                  .file("file", f.getKey(), "application/octet-stream", f.getValue())
                  .post("/api/v1/documents?wait=true", session));
      assertThat(r.statusCode()).as(f.getKey() + ": " + r.body()).isEqualTo(422);
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      JsonObject problem = Api.json(r);
      assertThat(problem.getString("reason")).as(f.getKey()).isEqualTo(reasons.get(f.getKey()));
      assertThat(problem.getString("detail")).hasSizeGreaterThan(20).doesNotContain("/tmp/");
      assertWorkDirectoryEmptyAndNoProcessLeft();
    }
    JsonObject noTrack =
        Api.json(
            Api.send(
                new Multipart()
                    .file("file", "screen.mp4", "video/mp4", files.get("screen-recording.mp4"))
                    .post("/api/v1/documents?wait=true", Api.newSession())));
    assertThat(noTrack.getString("detail")).contains("no audio track");
    assertThat(Api.get("/health/ready").statusCode()).isEqualTo(200);
  }

  /** A 3-second video without sound, made by the real ffmpeg. */
  private static byte[] silentVideo() throws Exception {
    Path file = Files.createTempFile("silent-", ".mp4");
    try {
      Process p =
          new ProcessBuilder(
                  "ffmpeg",
                  "-nostdin",
                  "-v",
                  "error",
                  "-y",
                  "-f",
                  "lavfi",
                  "-i",
                  "color=c=black:s=64x64:r=5:d=3",
                  "-c:v",
                  "libx264",
                  file.toString())
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      return Files.readAllBytes(file);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Nothing in AUDIO_WORK_DIRECTORY, no ffmpeg, ffprobe or pocketsphinx process of this server. */
  static void assertWorkDirectoryEmptyAndNoProcessLeft() {
    try (Stream<Path> left = Files.list(WORK)) {
      assertThat(left.toList()).as("files left in " + WORK).isEmpty();
    } catch (java.nio.file.NoSuchFileException e) {
      // nothing was ever decoded there
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    String server = Api.SERVER_DIR.toAbsolutePath().normalize().getParent().getParent().toString();
    List<String> left =
        ProcessHandle.allProcesses()
            .map(p -> p.info().commandLine().orElse(""))
            .filter(
                c -> c.contains("ffmpeg") || c.contains("ffprobe") || c.contains("pocketsphinx"))
            .filter(c -> c.contains(WORK.toAbsolutePath().toString()) || c.contains(server))
            .toList();
    assertThat(left).as("processes left running").isEmpty();
  }
}

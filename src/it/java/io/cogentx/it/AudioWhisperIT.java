package io.cogentx.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.plugins.transcriber.whisper.http.WhisperDouble;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Recordings transcribed by a Whisper server (the second test server has {@code
 * TRANSCRIBER=whisper-http} and {@code WHISPER_BASE_URL} pointing at the loopback {@link
 * WhisperDouble}, which parses the real multipart request and answers real verbose_json), through
 * the server's MicroProfile Fault Tolerance: retries after failures, a 503 with Retry-After when
 * the service is down, slow or garbled, and a circuit breaker that stops calling it for a while.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AudioWhisperIT {

  private static final String BASE =
      System.getProperty("it.expiry.base.url", "http://127.0.0.1:18081");
  private static final Path JFK = AudioIT.AUDIO.resolve("jfk.wav");
  private static WhisperDouble whisper;

  @BeforeAll
  static void startDouble() {
    Assumptions.assumeTrue(Files.isRegularFile(JFK), "SKIPPED: " + JFK + " is absent");
    whisper = WhisperDouble.start(Integer.getInteger("it.whisper.port", 18096));
  }

  @AfterAll
  static void stopDouble() {
    if (whisper != null) {
      whisper.close();
    }
  }

  /**
   * A normal double and a closed circuit breaker: after the breaker's delay one successful call
   * closes it (and its window of recent calls starts afresh), so each test counts its own failures.
   */
  @BeforeEach
  void normalDoubleAndClosedBreaker() throws Exception {
    whisper.reset();
    Api.sleep(Duration.ofMillis(3500)); // TRANSCRIBER_BREAKER_DELAY_SECONDS=3
    assertThat(upload(newSession()).statusCode()).isEqualTo(201);
  }

  /** A new session, as the browser makes one: a random UUID v4 sent as X-Session-Id. */
  static String newSession() {
    return java.util.UUID.randomUUID().toString();
  }

  static HttpResponse<String> upload(String session) throws Exception {
    return Api.send(
        new Multipart()
            .file("file", "jfk.wav", "audio/wav", Files.readAllBytes(JFK))
            .post(BASE, "/api/v1/documents?wait=true", session));
  }

  @Test
  @Order(1)
  void aRecordingIsTranscribedByTheWhisperServerWithItsTimes() throws Exception {
    String session = newSession();
    HttpResponse<String> r = upload(session);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonObject doc = Api.json(r);
    assertThat(doc.getJsonArray("warnings").getString(0))
        .isEqualTo("Transcribed by whisper-http (large-v3).");
    WhisperDouble.Request sent = whisper.requests().getLast();
    assertThat(sent.fields())
        .containsEntry("model", "large-v3")
        .containsEntry("response_format", "verbose_json");
    assertThat(sent.seconds()).isEqualTo(11.0);
    HttpResponse<String> search =
        Api.send(
            HttpRequest.newBuilder(URI.create(BASE + "/api/v1/search"))
                .header("Content-Type", "application/json")
                .header(Api.SESSION, session)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"query\": \"ask not what your country\"}")));
    JsonObject hit = Api.json(search).getJsonArray("results").getJsonObject(0);
    assertThat(hit.getString("text")).contains("ask not what your country can do for you");
    assertThat(hit.getJsonNumber("start_seconds").doubleValue()).isEqualTo(0.0);
    assertThat(hit.getJsonNumber("end_seconds").doubleValue()).isEqualTo(10.6);
  }

  @Test
  @Order(2)
  void failuresOfTheServerAreRetried() throws Exception {
    int before = whisper.requests().size();
    whisper.failNext(2);

    HttpResponse<String> r = upload(newSession());

    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(whisper.requests().size() - before).as("one call and two retries").isEqualTo(3);
  }

  @Test
  @Order(3)
  void aSlowServerIsGivenUpOnByTheTimeoutWith503() throws Exception {
    whisper.mode(WhisperDouble.Mode.SLOW).delay(Duration.ofSeconds(20));
    long start = System.nanoTime();

    HttpResponse<String> r = upload(newSession());

    assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
    assertThat(r.headers().firstValue("Retry-After")).isPresent();
    assertThat(Api.json(r).getString("reason")).isEqualTo("unavailable");
    assertThat(Api.json(r).getString("detail")).contains("took too long");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  @Order(4)
  void aGarbledAnswerIs503NotACrash() throws Exception {
    whisper.mode(WhisperDouble.Mode.MALFORMED);
    HttpResponse<String> r = upload(newSession());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
    assertThat(Api.json(r).getString("detail")).contains("not verbose_json");
  }

  @Test
  @Order(5)
  void aDroppedConnectionIs503NotACrash() throws Exception {
    whisper.mode(WhisperDouble.Mode.DROP);
    HttpResponse<String> r = upload(newSession());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
    // the retries of the dropped calls may open the breaker (4 failures of the last 6 calls) before
    // the last one returns: either way a 503 that says what to do
    assertThat(Api.json(r).getString("detail")).containsAnyOf("Whisper server", "in a minute");
  }

  @Test
  @Order(6)
  void aServerThatKeepsFailingIsNotCalledForAWhileThenAgain() throws Exception {
    whisper.mode(WhisperDouble.Mode.ERROR);
    HttpResponse<String> first = upload(newSession());
    assertThat(first.statusCode()).isEqualTo(503);
    assertThat(Api.json(first).getString("detail")).contains("HTTP 500");

    String detail = "";
    for (int i = 0; i < 4 && !detail.contains("not called for a while"); i++) {
      HttpResponse<String> next = upload(newSession());
      assertThat(next.statusCode()).isEqualTo(503);
      detail = Api.json(next).getString("detail");
    }
    assertThat(detail).as("the breaker opened").contains("not called for a while");
    int calls = whisper.requests().size();
    assertThat(upload(newSession()).statusCode()).isEqualTo(503);
    assertThat(whisper.requests()).as("the open breaker calls nothing").hasSize(calls);

    whisper.reset();
    Api.sleep(Duration.ofSeconds(4));
    assertThat(upload(newSession()).statusCode()).isEqualTo(201);
  }
}

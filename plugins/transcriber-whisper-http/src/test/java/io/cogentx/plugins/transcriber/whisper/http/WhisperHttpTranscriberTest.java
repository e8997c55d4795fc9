package io.cogentx.plugins.transcriber.whisper.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentException.Reason;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.PluginHealth;
import io.cogentx.spi.Progress;
import io.cogentx.spi.Segment;
import io.cogentx.spi.Transcriber;
import io.cogentx.spi.contract.TestAudio;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the client sends (a real multipart request the double parses) and how it reads each kind of
 * answer: normal, slow, 500, malformed, dropped, refused.
 */
class WhisperHttpTranscriberTest {

  @TempDir Path temp;
  WhisperDouble whisper;
  Path jfk;

  @BeforeEach
  void start() throws Exception {
    whisper = WhisperDouble.start(0);
    jfk = TestAudio.canonical(TestAudio.file("jfk.wav"), temp.resolve("jfk.wav"));
  }

  @AfterEach
  void stop() {
    whisper.close();
  }

  Transcriber transcriber(String... settings) {
    Map<String, String> config = new HashMap<>(Map.of("WHISPER_BASE_URL", whisper.baseUrl()));
    for (int i = 0; i < settings.length; i += 2) {
      config.put(settings[i], settings[i + 1]);
    }
    return new WhisperHttpProvider().create(PluginContext.of(config));
  }

  @Test
  void postsTheAudioAsMultipartAskingForVerboseJsonAndReadsTimedSegments() throws Exception {
    List<Segment> segments =
        transcriber("WHISPER_MODEL", "large-v3").transcribe(jfk, Progress.NONE);

    assertThat(segments)
        .containsExactly(
            Segment.timed(
                0.0, 7.6, "And so my fellow Americans, ask not what your country can do for you,"),
            Segment.timed(7.6, 10.6, "ask what you can do for your country."));
    WhisperDouble.Request request = whisper.requests().get(0);
    assertThat(request.fields())
        .containsEntry("model", "large-v3")
        .containsEntry("response_format", "verbose_json")
        .containsEntry("timestamp_granularities[]", "segment")
        .doesNotContainKey("language");
    assertThat(request.fileName()).isEqualTo("audio.wav");
    assertThat(request.fileType()).isEqualTo("audio/wav");
    assertThat(request.seconds()).isEqualTo(11.0);
    assertThat(request.authorization()).isNull();
  }

  @Test
  void sendsTheKeyAndLanguageWhenSet() throws Exception {
    transcriber("WHISPER_API_KEY", "sk-test", "WHISPER_LANGUAGE", "en")
        .transcribe(jfk, Progress.NONE);

    WhisperDouble.Request request = whisper.requests().get(0);
    assertThat(request.authorization()).isEqualTo("Bearer sk-test");
    assertThat(request.fields()).containsEntry("language", "en");
  }

  @Test
  void timesAreKeptWithinThePieceSent() throws Exception {
    whisper.script(List.of(new WhisperDouble.Line(9.0, 30.0, " beyond the end")));

    assertThat(transcriber().transcribe(jfk, Progress.NONE))
        .containsExactly(Segment.timed(9.0, 11.0, "beyond the end"));
  }

  @Test
  void speakerLabelsAreKeptOnlyWhenTheServerSendsThem() throws Exception {
    whisper.script(
        List.of(
            new WhisperDouble.Line(0, 2, " Good morning.", "SPEAKER_00"),
            new WhisperDouble.Line(2, 4, " Morning.", "SPEAKER_01")));

    assertThat(transcriber().transcribe(jfk, Progress.NONE))
        .extracting(Segment::text)
        .containsExactly("[SPEAKER_00] Good morning.", "[SPEAKER_01] Morning.");
  }

  @Test
  void aServerErrorIsUnavailableWithItsMessage() {
    whisper.mode(WhisperDouble.Mode.ERROR);

    assertThatThrownBy(() -> transcriber().transcribe(jfk, Progress.NONE))
        .isInstanceOfSatisfying(
            DocumentException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
              assertThat(e.getMessage()).contains("HTTP 500").contains("CUDA out of memory");
            });
  }

  @Test
  void aMalformedAnswerIsUnavailableNotACrash() {
    whisper.mode(WhisperDouble.Mode.MALFORMED);

    assertThatThrownBy(() -> transcriber().transcribe(jfk, Progress.NONE))
        .isInstanceOfSatisfying(
            DocumentException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
              assertThat(e.getMessage()).contains("not verbose_json");
            });
  }

  @Test
  void aDroppedConnectionIsUnavailable() {
    whisper.mode(WhisperDouble.Mode.DROP);

    assertThatThrownBy(() -> transcriber().transcribe(jfk, Progress.NONE))
        .isInstanceOfSatisfying(
            DocumentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
  }

  @Test
  void aSlowServerIsGivenUpOnAfterTheTimeout() {
    whisper.mode(WhisperDouble.Mode.SLOW).delay(Duration.ofSeconds(10));
    long start = System.nanoTime();

    assertThatThrownBy(
            () -> transcriber("WHISPER_TIMEOUT_SECONDS", "1").transcribe(jfk, Progress.NONE))
        .isInstanceOfSatisfying(
            DocumentException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
              assertThat(e.getMessage()).contains("within 1 s");
            });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
  }

  @Test
  void aSlowServerStillAnswersWithinTheTimeout() throws Exception {
    whisper.mode(WhisperDouble.Mode.SLOW).delay(Duration.ofMillis(500));

    assertThat(transcriber().transcribe(jfk, Progress.NONE)).hasSize(2);
  }

  @Test
  void whatIsNotA16kMonoWavIsRefusedBeforeAnythingIsSent() throws Exception {
    Path garbage = java.nio.file.Files.write(temp.resolve("garbage.wav"), new byte[100]);

    assertThatThrownBy(() -> transcriber().transcribe(garbage, Progress.NONE))
        .isInstanceOfSatisfying(
            DocumentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DAMAGED));
    assertThat(whisper.requests()).isEmpty();
  }

  @Test
  void noServerIsUnavailableAndHealthSaysNotReachable() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    Transcriber t =
        new WhisperHttpProvider()
            .create(PluginContext.of(Map.of("WHISPER_BASE_URL", "http://127.0.0.1:" + closed)));

    assertThatThrownBy(() -> t.transcribe(jfk, Progress.NONE))
        .isInstanceOfSatisfying(
            DocumentException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
              assertThat(e.getMessage()).contains("cannot be reached");
            });
    PluginHealth health = ((PluginHealth.Reporting) t).health();
    assertThat(health.status()).isEqualTo(PluginHealth.Status.DEGRADED);
    assertThat(health.message()).contains("not reachable");
  }

  @Test
  void healthIsUpWhenTheServerAnswersAndTellsTheModel() {
    PluginHealth health = ((PluginHealth.Reporting) transcriber()).health();

    assertThat(health.status()).isEqualTo(PluginHealth.Status.UP);
    assertThat(health.data()).containsEntry("model", "whisper-1");
  }

  @Test
  void itIsRemoteSoTheServerGuardsItAndItNamesItsModel() {
    Transcriber t = transcriber("WHISPER_MODEL", "large-v3");
    assertThat(t.remote()).isTrue();
    assertThat(t.model()).isEqualTo("large-v3");
  }

  @Test
  void aBaseUrlEndingInV1IsNotDoubled() {
    WhisperHttpSettings s =
        WhisperHttpSettings.from(
            io.cogentx.spi.PluginConfig.of(
                Map.of("WHISPER_BASE_URL", "https://api.openai.com/v1")));
    assertThat(s.endpoint()).hasToString("https://api.openai.com/v1/audio/transcriptions");
    WhisperHttpSettings root =
        WhisperHttpSettings.from(
            io.cogentx.spi.PluginConfig.of(Map.of("WHISPER_BASE_URL", "http://localhost:8000")));
    assertThat(root.endpoint()).hasToString("http://localhost:8000/v1/audio/transcriptions");
  }
}

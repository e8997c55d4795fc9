package io.cogentx.plugins.transcriber.whisper.jni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.PluginHealth;
import io.cogentx.spi.Progress;
import io.cogentx.spi.Segment;
import io.cogentx.spi.Transcriber;
import io.cogentx.spi.contract.TestAudio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-process path with a generated random-weight model: it loads, transcribes real audio into
 * timed segments within the audio, and every broken model is a clear message, never a crash.
 */
class WhisperJniTest {

  @TempDir Path temp;

  Transcriber create(Path model) throws Exception {
    return new WhisperJniProvider()
        .create(
            PluginContext.of(
                Map.of("WHISPER_MODEL_PATH", model.toString(), "WHISPER_THREADS", "1")));
  }

  @Test
  void aGeneratedModelLoadsAndGivesSegmentsWithinTheAudio() throws Exception {
    Path model = TinyWhisperModel.write(temp.resolve("ggml-tiny-random.bin"), 1);
    Path jfk = TestAudio.canonical(TestAudio.file("jfk.wav"), temp.resolve("jfk.wav"));
    try (Transcriber whisper = create(model)) {
      assertThat(whisper.available()).isTrue();
      assertThat(whisper.model()).isEqualTo("ggml-tiny-random.bin");
      List<Segment> segments = whisper.transcribe(jfk, Progress.NONE);
      assertThat(segments).as("random weights still give segments").isNotEmpty();
      for (Segment s : segments) {
        assertThat(s.text()).isNotBlank();
        assertThat(s.startSeconds()).isBetween(0.0, 11.0);
        assertThat(s.endSeconds()).isBetween(s.startSeconds(), 11.0);
      }
      PluginHealth health = ((PluginHealth.Reporting) whisper).health();
      assertThat(health.status()).isEqualTo(PluginHealth.Status.UP);
      assertThat(health.data()).containsEntry("threads", "1");
    }
  }

  @Test
  void unconfiguredItIsUnavailable() throws Exception {
    try (Transcriber bare = new WhisperJniProvider().create(PluginContext.of(Map.of()))) {
      assertThat(bare.available()).isFalse();
      assertThat(bare.remote()).isFalse();
    }
  }

  @Test
  void brokenModelsAreClearMessagesNotCrashes() throws Exception {
    Path good = TinyWhisperModel.write(temp.resolve("good.bin"), 2);
    byte[] bytes = Files.readAllBytes(good);
    Path truncated =
        Files.write(temp.resolve("truncated.bin"), Arrays.copyOf(bytes, bytes.length / 2));
    Path text = Files.writeString(temp.resolve("readme.bin"), "This is not a model at all.");
    byte[] wrong = bytes.clone();
    wrong[4] = 1; // vocabulary size 51713
    Path badHeader = Files.write(temp.resolve("bad-header.bin"), wrong);
    Path missing = temp.resolve("missing.bin");
    for (Path model : List.of(truncated, text, badHeader, missing)) {
      assertThatThrownBy(() -> create(model))
          .as(model.toString())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("WHISPER_MODEL_PATH=" + model);
    }
    assertThatThrownBy(() -> create(truncated)).hasMessageContaining("ends early");
    assertThatThrownBy(() -> create(text)).hasMessageContaining("not a ggml model");
  }

  @Test
  void audioIsCheckedBeforeNativeCodeSeesIt() throws Exception {
    Path model = TinyWhisperModel.write(temp.resolve("m.bin"), 3);
    Path notWav = Files.write(temp.resolve("x.wav"), new byte[1000]);
    try (Transcriber whisper = create(model)) {
      assertThatThrownBy(() -> whisper.transcribe(notWav, Progress.NONE))
          .isInstanceOfSatisfying(
              DocumentException.class,
              e -> assertThat(e.reason()).isEqualTo(DocumentException.Reason.DAMAGED));
    }
  }
}

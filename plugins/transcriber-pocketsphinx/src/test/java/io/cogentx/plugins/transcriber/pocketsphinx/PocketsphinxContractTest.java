package io.cogentx.plugins.transcriber.pocketsphinx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cogentx.spi.PluginContext;
import io.cogentx.spi.PluginHealth;
import io.cogentx.spi.Progress;
import io.cogentx.spi.Segment;
import io.cogentx.spi.Transcriber;
import io.cogentx.spi.TranscriberProvider;
import io.cogentx.spi.contract.TestAudio;
import io.cogentx.spi.contract.TranscriberContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SPI's transcriber contract with the real pocketsphinx_continuous (Debian's pocketsphinx and
 * pocketsphinx-en-us, which .ci/run installs) on the real jfk.wav, and what it is weak at.
 */
class PocketsphinxContractTest extends TranscriberContract {

  @BeforeAll
  static void installed() {
    try (Transcriber t = new PocketsphinxProvider().create(PluginContext.of(Map.of()))) {
      assumeTrue(t.available(), "pocketsphinx is not installed: skipping");
    }
  }

  @Override
  protected TranscriberProvider provider() {
    return new PocketsphinxProvider();
  }

  @Override
  protected PluginContext context() {
    return PluginContext.of(Map.of());
  }

  @Override
  protected Path sample() throws Exception {
    return TestAudio.canonical(TestAudio.file("jfk.wav"), temp.resolve("jfk.wav"));
  }

  /** Words pocketsphinx gets right in jfk.wav (it misses "ask not" and "fellow Americans"). */
  @Override
  protected String samplePhrase() {
    return "your country can do for you";
  }

  @Test
  void utterancesKeepTheirTimesInTheRecording() throws Exception {
    List<Segment> segments = transcriber.transcribe(sample(), Progress.NONE);
    Segment country =
        segments.stream()
            .filter(s -> s.text().contains("country can do"))
            .findFirst()
            .orElseThrow();
    // "what your country can do for you" is spoken from about 5.3 s to 7.7 s
    assertThat(country.startSeconds()).isBetween(4.5, 6.0);
    assertThat(country.endSeconds()).isBetween(7.0, 8.5);
  }

  @Test
  void silenceGivesNoSegments() throws Exception {
    Path silence = TestAudio.write(TestAudio.tone(3, 0, 0), temp.resolve("silence.wav"));
    assertThat(transcriber.transcribe(silence, Progress.NONE)).isEmpty();
  }

  @Test
  void healthSaysItIsWeakAndHowToEnableWhisper() {
    PluginHealth health = ((PluginHealth.Reporting) transcriber).health();
    assertThat(health.status()).isEqualTo(PluginHealth.Status.UP);
    assertThat(health.message()).contains("weak").contains("WHISPER_BASE_URL");
  }

  @Test
  void withoutTheProgramItIsUnavailableAndSaysWhatToInstall() {
    try (Transcriber t =
        new PocketsphinxProvider()
            .create(PluginContext.of(Map.of("POCKETSPHINX_PATH", "/nonexistent/pocketsphinx")))) {
      assertThat(t.available()).isFalse();
      assertThat(((PluginHealth.Reporting) t).health().message())
          .contains("apt-get install pocketsphinx");
    }
  }

  @Test
  void leavesNoTemporaryFiles() throws Exception {
    Path sample = sample();
    long before = countPocketsphinxDirs();
    transcriber.transcribe(sample, Progress.NONE);
    assertThat(countPocketsphinxDirs()).isLessThanOrEqualTo(before);
  }

  private long countPocketsphinxDirs() throws Exception {
    try (var files = Files.list(temp)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith("cogentx-pocketsphinx-"))
          .count();
    }
  }
}

package io.cogentx.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.Progress;
import io.cogentx.spi.Segment;
import io.cogentx.spi.Transcriber;
import io.cogentx.spi.TranscriberProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every transcriber must do: a transcriber's test class extends this, names its provider, the
 * context that makes it available, and a 16 kHz mono WAV sample, and gets these tests for free.
 */
public abstract class TranscriberContract {

  protected Transcriber transcriber;

  @TempDir protected Path temp;

  /** The provider, as ServiceLoader would create it. */
  protected abstract TranscriberProvider provider();

  /** A context in which the transcriber is available. */
  protected abstract PluginContext context() throws Exception;

  /** A 16 kHz mono 16-bit PCM WAV file with speech. */
  protected abstract Path sample() throws Exception;

  /**
   * Words the transcript of the sample holds, or {@code null} when the engine's words are not
   * checked.
   */
  protected String samplePhrase() {
    return null;
  }

  @BeforeEach
  void createTranscriber() throws Exception {
    transcriber = provider().create(context());
  }

  @AfterEach
  void closeTranscriber() {
    transcriber.close();
  }

  @Test
  void providerIsFoundByServiceLoaderUnderItsName() {
    assertThat(ServiceLoader.load(TranscriberProvider.class).stream().map(p -> p.get().name()))
        .contains(provider().name());
  }

  @Test
  void declaredSettingsHaveNamesAndDescriptions() {
    assertThat(provider().settings())
        .allSatisfy(
            s -> {
              assertThat(s.name()).matches("[A-Z][A-Z0-9_]*");
              assertThat(s.description()).isNotBlank();
            });
  }

  @Test
  void isAvailableInItsContext() {
    assertThat(transcriber.available()).isTrue();
  }

  @Test
  void transcribesTheSampleIntoOrderedTimedSegmentsWithinTheAudio() throws Exception {
    Path wav = sample();
    double seconds = (Files.size(wav) - 44) / 32_000.0;
    List<Segment> segments = transcriber.transcribe(wav, Progress.NONE);
    assertThat(segments).isNotEmpty();
    double previousStart = 0;
    for (Segment s : segments) {
      assertThat(s.text()).isNotBlank();
      assertThat(s.startSeconds()).isNotNull().isBetween(0.0, seconds + 0.01);
      assertThat(s.endSeconds()).isNotNull().isBetween(s.startSeconds(), seconds + 0.01);
      assertThat(s.startSeconds()).isGreaterThanOrEqualTo(previousStart);
      previousStart = s.startSeconds();
    }
    if (samplePhrase() != null) {
      String joined = String.join(" ", segments.stream().map(Segment::text).toList());
      assertThat(normalise(joined)).contains(normalise(samplePhrase()));
    }
    assertThat(Files.exists(wav)).as("the transcriber leaves the file alone").isTrue();
  }

  @Test
  void concurrentCallsDoNotInterfere() throws Exception {
    Path wav = sample();
    List<Segment> expected = transcriber.transcribe(wav, Progress.NONE);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<Segment>>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(pool.submit(() -> transcriber.transcribe(wav, Progress.NONE)));
      }
      for (Future<List<Segment>> run : runs) {
        assertThat(run.get(300, TimeUnit.SECONDS)).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void whatIsNotA16kMonoWavIsADocumentExceptionNotACrash() throws Exception {
    byte[] random = new byte[8192];
    new Random(7).nextBytes(random);
    for (byte[] bytes : List.of(new byte[0], random, "RIFF....WAVEfmt ".getBytes())) {
      Path file = Files.write(Files.createTempFile(temp, "bad-", ".wav"), bytes);
      assertThatCode(
              () -> {
                try {
                  transcriber.transcribe(file, Progress.NONE);
                } catch (DocumentException e) {
                  assertThat(e.getMessage()).isNotBlank();
                  assertThat(e.reason()).isNotNull();
                }
              })
          .doesNotThrowAnyException();
    }
  }

  @Test
  void aCancelledCallStops() throws Exception {
    Path wav = sample();
    Progress cancelled =
        new Progress() {
          @Override
          public boolean cancelled() {
            return true;
          }
        };
    long start = System.nanoTime();
    try {
      transcriber.transcribe(wav, cancelled);
    } catch (DocumentException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
  }

  @Test
  void closingTwiceIsHarmless() throws Exception {
    Transcriber another = provider().create(context());
    another.close();
    assertThatCode(another::close).doesNotThrowAnyException();
  }

  @Test
  void unconfiguredItSaysSoRatherThanFailingLater() throws Exception {
    assumeThat(requiresConfiguration()).isTrue();
    try (Transcriber bare = provider().create(PluginContext.of(Map.of()))) {
      assertThat(bare.available()).isFalse();
    }
  }

  /** Whether the engine needs settings to be available (a server's URL, a model's path). */
  protected boolean requiresConfiguration() {
    return false;
  }

  /** Compares text regardless of case, punctuation and runs of spaces. */
  protected static String normalise(String text) {
    return text.toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[^a-z0-9' ]+", " ")
        .replaceAll("\\s+", " ")
        .strip();
  }
}

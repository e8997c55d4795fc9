package io.cogentx.plugins.loader.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentException.Reason;
import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.PluginConfig;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.PluginHealth;
import io.cogentx.spi.Progress;
import io.cogentx.spi.Segment;
import io.cogentx.spi.SegmentSink;
import io.cogentx.spi.TranscriberProvider;
import io.cogentx.spi.contract.Loads;
import io.cogentx.spi.contract.TestAudio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The loader with the real ffmpeg and a scripted engine: every format decodes, pieces are cut at
 * silences and their times land in the recording, bad files are refused with ffmpeg's reason, and
 * whatever happens no file and no process is left behind.
 */
class AudioLoaderTest {

  @TempDir Path temp;
  Path work;
  ScriptedTranscriber engine;
  DocumentLoader loader;

  @BeforeEach
  void setUp() throws Exception {
    work = Files.createDirectories(temp.resolve("work"));
    engine = new ScriptedTranscriber();
    loader = loader(Map.of(), List.of(ScriptedTranscriber.provider("scripted", engine)));
  }

  @AfterEach
  void nothingIsLeftBehind() throws Exception {
    try (Stream<Path> left = Files.list(work)) {
      assertThat(left.toList()).as("files left in AUDIO_WORK_DIRECTORY").isEmpty();
    }
    assertThat(processesUsing(work)).as("processes still running on the work directory").isEmpty();
    loader.close();
  }

  DocumentLoader loader(Map<String, String> settings, List<TranscriberProvider> engines) {
    Map<String, String> config = new HashMap<>(settings);
    config.put("AUDIO_WORK_DIRECTORY", work.toString());
    return new AudioLoaderProvider().create(PluginContext.of(PluginConfig.of(config), engines));
  }

  static LoadRequest request(Path file) throws Exception {
    return new LoadRequest(file, file.getFileName().toString(), "", Map.of());
  }

  static List<String> processesUsing(Path dir) {
    return ProcessHandle.allProcesses()
        .map(p -> p.info().commandLine().orElse(""))
        .filter(c -> c.contains(dir.toString()))
        .toList();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jfk.wav",
        "jfk.mp3",
        "jfk.TRANSCODED.m4a",
        "jfk.TRANSCODED.opus",
        "LJ001-0001.wav",
        "LJ001-0003.flac",
        "LJ001-0005.mp3",
        "librispeech-5703-47212-0000.ogg"
      })
  void everyRecordingOfTheSampleSetIsDecodedWhole(String name) throws Exception {
    Loads.Result loaded = Loads.load(loader, request(TestAudio.file(name)));

    double total = engine.pieces.stream().mapToDouble(Double::doubleValue).sum();
    assertThat(total).isGreaterThan(8).isLessThan(15.5);
    assertThat(loaded.segments()).isNotEmpty().allMatch(s -> s.startSeconds() != null);
    assertThat(loaded.result().warnings()).contains("Transcribed by scripted.");
  }

  @Test
  void videosAreReadByTheirSoundTrack() throws Exception {
    Path jfk = TestAudio.file("jfk.wav");
    for (Path video :
        List.of(
            Media.video(jfk, temp.resolve("talk.mp4"), "libx264", "aac"),
            Media.video(jfk, temp.resolve("talk.webm"), "libvpx", "libopus"),
            Media.video(jfk, temp.resolve("talk.mkv"), "libx264", "libvorbis"))) {
      engine.pieces.clear();
      Loads.load(loader, request(video));
      assertThat(engine.pieces).as(video.toString()).hasSize(1);
      assertThat(engine.pieces.get(0)).isBetween(10.5, 11.5);
    }
  }

  @Test
  void aVideoWithoutSoundIsRefusedSayingSo() throws Exception {
    Path silent = Media.silentVideo(temp.resolve("screen.mp4"));

    assertThatThrownBy(() -> Loads.load(loader, request(silent)))
        .isInstanceOfSatisfying(
            DocumentException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.EMPTY);
              assertThat(e.getMessage()).contains("no audio track");
            });
  }

  @Test
  void aLongRecordingIsCutAtSilencesAndTimesLandInTheRecording() throws Exception {
    Path gb0 = TestAudio.file("gb0-weekly-radio-address-2008-11-01.wav");
    List<Segment> segments = new ArrayList<>();
    List<String> reports = new ArrayList<>();
    Progress progress =
        new Progress() {
          @Override
          public void report(String stage, int done, int total) {
            reports.add(stage + " " + done + "/" + total);
          }
        };

    loader.load(request(gb0), segments::add, progress);

    assertThat(engine.pieces).hasSizeGreaterThanOrEqualTo(3).allMatch(p -> p <= 45.0);
    assertThat(engine.pieces.stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(127.4, org.assertj.core.data.Offset.offset(0.2));
    double start = 0;
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      assertThat(s.text()).isEqualTo("piece " + (i + 1));
      assertThat(s.startSeconds())
          .isCloseTo(start + 0.5, org.assertj.core.data.Offset.offset(0.01));
      start += engine.pieces.get(i);
      assertThat(s.endSeconds()).isCloseTo(start - 0.5, org.assertj.core.data.Offset.offset(0.01));
    }
    assertThat(reports).startsWith("decoding 0/0").contains("transcribing 1/3", "transcribing 3/3");
  }

  @Test
  void aRecordingLongerThanTheLimitIsRefusedBeforeDecoding() throws Exception {
    DocumentLoader oneMinute =
        loader(
            Map.of("MAX_AUDIO_MINUTES", "1"),
            List.of(ScriptedTranscriber.provider("scripted", engine)));
    Path gb0 = TestAudio.file("gb0-weekly-radio-address-2008-11-01.wav");

    assertThatThrownBy(() -> Loads.load(oneMinute, request(gb0)))
        .isInstanceOfSatisfying(
            DocumentException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
              assertThat(e.getMessage()).contains("3 minutes").contains("MAX_AUDIO_MINUTES");
            });
    assertThat(engine.pieces).isEmpty();
    oneMinute.close();
  }

  @Test
  void anEmptyFileIsEmpty() throws Exception {
    Path empty = Files.write(temp.resolve("empty.wav"), new byte[0]);
    assertThatThrownBy(() -> Loads.load(loader, request(empty)))
        .isInstanceOfSatisfying(
            DocumentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EMPTY));
  }

  @Test
  void randomBytesAreRefusedWithFfmpegsReasonAndNoServerPath() throws Exception {
    byte[] bytes = new byte[20_000];
    new Random(3).nextBytes(bytes);
    Path noise = Files.write(temp.resolve("song.mp3"), bytes);

    assertThatThrownBy(() -> Loads.load(loader, request(noise)))
        .isInstanceOfSatisfying(
            DocumentException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.DAMAGED);
              assertThat(e.getMessage()).contains("ffmpeg says").doesNotContain(temp.toString());
            });
  }

  @Test
  void cutOffFilesAreRefusedAsCutOff() throws Exception {
    Path mp3 = Media.truncated(TestAudio.file("jfk.mp3"), 38_000, temp.resolve("half.mp3"));
    Path flac =
        Media.truncated(TestAudio.file("LJ001-0003.flac"), 130_000, temp.resolve("half.flac"));
    Path wav = Media.truncated(TestAudio.file("jfk.wav"), 176_000, temp.resolve("half.wav"));
    for (Path cut : List.of(mp3, flac, wav)) {
      assertThatThrownBy(() -> Loads.load(loader, request(cut)))
          .as(cut.toString())
          .isInstanceOfSatisfying(
              DocumentException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.DAMAGED);
                assertThat(e.getMessage()).contains("cut off");
              });
    }
    Path m4a =
        Media.truncated(TestAudio.file("jfk.TRANSCODED.m4a"), 48_000, temp.resolve("half.m4a"));
    assertThatThrownBy(() -> Loads.load(loader, request(m4a)))
        .isInstanceOfSatisfying(
            DocumentException.class,
            e -> assertThat(e.getMessage()).contains("moov atom not found"));
    assertThat(engine.pieces).isEmpty();
  }

  @Test
  void cancellingWhileFfmpegDecodesKillsItAtOnce() throws Exception {
    // arealtime makes ffmpeg decode at the speed of playback: 127 s unless it is stopped
    DocumentLoader slow =
        loader(
            Map.of("AUDIO_FILTER", "arealtime"),
            List.of(ScriptedTranscriber.provider("scripted", engine)));
    Path gb0 = TestAudio.file("gb0-weekly-radio-address-2008-11-01.wav");
    long start = System.nanoTime();
    AtomicBoolean sawFfmpeg = new AtomicBoolean();
    Progress cancelSoon =
        new Progress() {
          @Override
          public boolean cancelled() {
            if (!processesUsing(work).isEmpty()) {
              sawFfmpeg.set(true);
            }
            return System.nanoTime() - start > Duration.ofMillis(1500).toNanos();
          }
        };

    assertThatThrownBy(() -> slow.load(request(gb0), s -> {}, cancelSoon))
        .isInstanceOf(DocumentException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    assertThat(sawFfmpeg).as("ffmpeg was running on the work directory").isTrue();
    slow.close();
  }

  @Test
  void decodingThatTakesTooLongIsStoppedWithAReason() throws Exception {
    DocumentLoader slow =
        loader(
            Map.of("AUDIO_FILTER", "arealtime", "AUDIO_DECODE_TIMEOUT_SECONDS", "2"),
            List.of(ScriptedTranscriber.provider("scripted", engine)));
    Path gb0 = TestAudio.file("gb0-weekly-radio-address-2008-11-01.wav");

    assertThatThrownBy(() -> Loads.load(slow, request(gb0)))
        .isInstanceOfSatisfying(
            DocumentException.class,
            e -> assertThat(e.getMessage()).contains("AUDIO_DECODE_TIMEOUT_SECONDS"));
    slow.close();
  }

  @Test
  void cancellingBetweenPiecesStops() throws Exception {
    Path gb0 = TestAudio.file("gb0-weekly-radio-address-2008-11-01.wav");
    SegmentSink sink = s -> {};
    Progress afterOnePiece =
        new Progress() {
          @Override
          public boolean cancelled() {
            return engine.pieces.size() >= 1;
          }
        };

    assertThatThrownBy(() -> loader.load(request(gb0), sink, afterOnePiece))
        .isInstanceOf(DocumentException.class);
    assertThat(engine.pieces).hasSize(1);
  }

  @Test
  void whenTheBestEngineIsUnavailableTheNextOneTakesOverAndTheUserIsTold() throws Exception {
    ScriptedTranscriber remote = new ScriptedTranscriber();
    remote.failure =
        new DocumentException(Reason.UNAVAILABLE, "The Whisper server answered HTTP 500.");
    DocumentLoader both =
        loader(
            Map.of(),
            List.of(
                ScriptedTranscriber.provider("pocketsphinx", engine),
                ScriptedTranscriber.provider("whisper-http", remote)));

    Loads.Result loaded = Loads.load(both, request(TestAudio.file("jfk.wav")));

    assertThat(loaded.segments()).hasSize(1);
    assertThat(loaded.result().warnings())
        .anyMatch(w -> w.contains("whisper-http was unavailable") && w.contains("HTTP 500"))
        .anyMatch(
            w -> w.startsWith("Transcribed by pocketsphinx.") && w.contains("WHISPER_BASE_URL"));
    both.close();
  }

  @Test
  void aNamedEngineIsTheOnlyOneUsedAndItsOutageIsTheUsers503() throws Exception {
    ScriptedTranscriber remote = new ScriptedTranscriber();
    remote.failure = new DocumentException(Reason.UNAVAILABLE, "down");
    DocumentLoader named =
        loader(
            Map.of("TRANSCRIBER", "whisper-http"),
            List.of(
                ScriptedTranscriber.provider("pocketsphinx", engine),
                ScriptedTranscriber.provider("whisper-http", remote)));

    assertThatThrownBy(() -> Loads.load(named, request(TestAudio.file("jfk.wav"))))
        .isInstanceOfSatisfying(
            DocumentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
    assertThat(engine.pieces).isEmpty();
    named.close();
  }

  @Test
  void withoutAnyEngineRecordingsAreRefusedAndHealthSaysWhatToInstall() throws Exception {
    DocumentLoader none = loader(Map.of(), List.of());

    assertThatThrownBy(() -> Loads.load(none, request(TestAudio.file("jfk.wav"))))
        .isInstanceOfSatisfying(
            DocumentException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
              assertThat(e.getMessage()).contains("apt-get install pocketsphinx");
            });
    PluginHealth health = ((PluginHealth.Reporting) none).health();
    assertThat(health.status()).isEqualTo(PluginHealth.Status.DEGRADED);
    none.close();
  }

  @Test
  void healthNamesTheEngineInUse() {
    PluginHealth health = ((PluginHealth.Reporting) loader).health();
    assertThat(health.status()).isEqualTo(PluginHealth.Status.UP);
    assertThat(health.data()).containsEntry("transcriber", "scripted");
  }

  @Test
  void closingTheLoaderClosesItsEngines() {
    loader.close();
    assertThat(engine.closed).isTrue();
  }
}

package io.cogentx.plugins.loader.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ffprobe's and silencedetect's output, ffmpeg's messages, clock times. */
class SmallPartsTest {

  @TempDir Path temp;

  @Test
  void probeOutputCountsStreamsAndReadsTheDuration() {
    MediaProbe.Media media =
        MediaProbe.parse(
            """
            streams.stream.0.codec_type="video"
            streams.stream.1.codec_type="audio"
            format.duration="11.050000"
            """);
    assertThat(media).isEqualTo(new MediaProbe.Media(1, 1, OptionalDouble.of(11.05)));
    assertThat(MediaProbe.parse("format.duration=\"N/A\"\n").durationSeconds()).isEmpty();
  }

  @Test
  void silencesAreReadFromTheLogAndOneOpenAtTheEndEndsThere() throws Exception {
    Path log =
        Files.writeString(
            temp.resolve("log"),
            """
            Input #0, wav, from 'x.wav':
            [silencedetect @ 0x55d0c8a3c2c0] silence_start: 3.71
            [silencedetect @ 0x55d0c8a3c2c0] silence_end: 4.332 | silence_duration: 0.622
            [silencedetect @ 0x55d0c8a3c2c0] silence_start: 10.5
            """);
    assertThat(Silences.read(log, 11.0))
        .containsExactly(new Silences.Silence(3.71, 4.332), new Silences.Silence(10.5, 11.0));
  }

  @Test
  void ffmpegsReasonNamesTheUsersFileNotTheServersPath() {
    Path upload = Path.of("/srv/spool/upload-123.bin");
    String stderr =
        "[mp3 @ 0x5581] Failed to read frame size: Could not seek to 1026.\n"
            + "/srv/spool/upload-123.bin: Invalid data found when processing input\n";
    assertThat(FfmpegMessages.reason(stderr, upload, "song.mp3", Path.of("/tmp/w")))
        .isEqualTo(
            "Failed to read frame size: Could not seek to 1026.; song.mp3: Invalid data found"
                + " when processing input");
  }

  @Test
  void clockTimesAreMinutesAndSecondsPastAnHourWithHours() {
    assertThat(Clock.format(7.9)).isEqualTo("00:07");
    assertThat(Clock.format(133)).isEqualTo("02:13");
    assertThat(Clock.format(3725)).isEqualTo("1:02:05");
  }
}

package io.cogentx.plugins.loader.audio;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentException.Reason;
import io.cogentx.spi.Progress;
import io.cogentx.spi.WavAudio;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decodes the first audio stream of anything ffmpeg reads into one 16 kHz mono 16-bit PCM WAV file,
 * and finds its silences in the same pass ({@code silencedetect}, which passes the audio through
 * and logs what it found to standard error, kept in a file). At most {@code maxSeconds} are
 * decoded, so a file that states no duration cannot fill the disk.
 */
final class Decoder {

  static final int SAMPLE_RATE = 16_000;

  /**
   * What came out: the PCM file, its header, and the silences.
   *
   * @param silences in order of time
   */
  record Decoded(Path wav, WavAudio header, List<Silences.Silence> silences) {
    double seconds() {
      return header.seconds();
    }
  }

  private final AudioSettings settings;

  Decoder(AudioSettings settings) {
    this.settings = settings;
  }

  /** The ffmpeg command line; no shell ever sees it. */
  List<String> command(Path input, Path output, double maxSeconds) {
    List<String> c = new ArrayList<>();
    c.add(settings.ffmpeg());
    c.addAll(List.of("-nostdin", "-hide_banner", "-nostats", "-loglevel", "info"));
    c.addAll(List.of("-i", input.toString()));
    c.addAll(List.of("-map", "0:a:0", "-vn", "-sn", "-dn", "-map_metadata", "-1"));
    c.addAll(List.of("-t", String.format(Locale.ROOT, "%.3f", maxSeconds)));
    c.addAll(List.of("-af", filters()));
    c.addAll(List.of("-ac", "1", "-ar", Integer.toString(SAMPLE_RATE), "-c:a", "pcm_s16le"));
    c.addAll(List.of("-bitexact", "-f", "wav", "-y", output.toString()));
    return c;
  }

  /** The filter chain: the configured one (loudness), then silence detection. */
  String filters() {
    String silence =
        String.format(
            Locale.ROOT,
            "silencedetect=noise=%ddB:d=%.2f",
            settings.silenceNoiseDb(),
            settings.silenceMinSeconds());
    return settings.audioFilter().isBlank() ? silence : settings.audioFilter() + "," + silence;
  }

  Decoded decode(Path input, Path workDir, String shownName, double maxSeconds, Progress progress)
      throws DocumentException, IOException {
    Path wav = workDir.resolve("decoded.wav");
    Path log = workDir.resolve("decode.log");
    Duration timeout = settings.decodeTimeout();
    ExternalProcess.Outcome outcome =
        ExternalProcess.run(command(input, wav, maxSeconds), null, log, timeout, progress);
    switch (outcome.end()) {
      case CANCELLED -> throw AudioLoader.cancelled();
      case TIMED_OUT ->
          throw new DocumentException(
              Reason.DAMAGED,
              "Decoding took longer than "
                  + timeout.toSeconds()
                  + " s (AUDIO_DECODE_TIMEOUT_SECONDS); the file may be damaged.");
      case EXITED -> {
        if (outcome.exitCode() != 0) {
          throw new DocumentException(
              Reason.DAMAGED,
              "ffmpeg could not decode the audio: \""
                  + FfmpegMessages.reason(ExternalProcess.tail(log), input, shownName, workDir)
                  + "\".");
        }
      }
    }
    WavAudio header =
        WavAudio.read(wav)
            .filter(h -> h.isPcm16Mono(SAMPLE_RATE))
            .orElseThrow(
                () ->
                    new DocumentException(
                        Reason.DAMAGED, "ffmpeg produced no audio from this file."));
    if (header.dataBytes() < 2) {
      throw new DocumentException(Reason.EMPTY, "The recording holds no audio samples.");
    }
    List<Silences.Silence> silences = Silences.read(log, header.seconds());
    Files.deleteIfExists(log);
    return new Decoded(wav, header, silences);
  }
}

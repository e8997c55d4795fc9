package io.cogentx.plugins.loader.audio;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentException.Reason;
import io.cogentx.spi.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * What ffprobe says about a file before anything is decoded: its streams and its duration. Runs
 * {@code ffprobe -v error -show_entries format=duration:stream=codec_type -of flat FILE} and reads
 * lines such as {@code streams.stream.0.codec_type="audio"} and {@code format.duration="11.0"}.
 */
final class MediaProbe {

  /** Most bytes of ffprobe's output read (a file with thousands of streams says no more). */
  static final int MAX_OUTPUT = 64 * 1024;

  static final Duration TIMEOUT = Duration.ofSeconds(60);

  /**
   * What the file holds.
   *
   * @param audioStreams number of audio streams
   * @param videoStreams number of video streams (cover art counts too)
   * @param durationSeconds the container's duration, if it states one
   */
  record Media(int audioStreams, int videoStreams, OptionalDouble durationSeconds) {}

  private MediaProbe() {}

  static Media probe(String ffprobe, Path file, Path workDir, String shownName, Progress progress)
      throws DocumentException, IOException {
    Path out = workDir.resolve("probe.out");
    Path err = workDir.resolve("probe.err");
    ExternalProcess.Outcome outcome =
        ExternalProcess.run(
            List.of(
                ffprobe,
                "-v",
                "error",
                "-show_entries",
                "format=duration:stream=codec_type",
                "-of",
                "flat",
                file.toString()),
            out,
            err,
            TIMEOUT,
            progress);
    if (outcome.end() == ExternalProcess.End.CANCELLED) {
      throw AudioLoader.cancelled();
    }
    if (outcome.end() == ExternalProcess.End.TIMED_OUT) {
      throw new DocumentException(
          Reason.DAMAGED, "ffprobe could not read this file within " + TIMEOUT.toSeconds() + " s.");
    }
    if (outcome.exitCode() != 0) {
      throw new DocumentException(
          Reason.DAMAGED,
          "This file cannot be read as audio or video: ffmpeg says \""
              + FfmpegMessages.reason(ExternalProcess.tail(err), file, shownName, workDir)
              + "\".");
    }
    return parse(head(out));
  }

  static Media parse(String output) {
    int audio = 0;
    int video = 0;
    OptionalDouble duration = OptionalDouble.empty();
    for (String line : output.split("\n")) {
      int eq = line.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = line.substring(0, eq).strip();
      String value = unquote(line.substring(eq + 1).strip());
      if (key.startsWith("streams.stream.") && key.endsWith(".codec_type")) {
        switch (value.toLowerCase(Locale.ROOT)) {
          case "audio" -> audio++;
          case "video" -> video++;
          default -> {}
        }
      } else if (key.equals("format.duration")) {
        duration = seconds(value);
      }
    }
    return new Media(audio, video, duration);
  }

  private static OptionalDouble seconds(String value) {
    try {
      double d = Double.parseDouble(value);
      return Double.isFinite(d) && d >= 0 ? OptionalDouble.of(d) : OptionalDouble.empty();
    } catch (NumberFormatException e) {
      return OptionalDouble.empty(); // "N/A"
    }
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
        ? s.substring(1, s.length() - 1)
        : s;
  }

  private static String head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(MAX_OUTPUT), StandardCharsets.UTF_8);
    }
  }
}

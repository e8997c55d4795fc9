package io.cogentx.plugins.loader.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Files made with the real ffmpeg for the tests: videos with and without sound, cut-off files. */
final class Media {

  private Media() {}

  /** Runs ffmpeg with {@code arguments} (no shell) and fails the test if it fails. */
  static void ffmpeg(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
    command.addAll(List.of(arguments));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }

  /** A video of black frames with {@code audio} as its sound track, e.g. {@code .mp4}. */
  static Path video(Path audio, Path target, String videoCodec, String audioCodec)
      throws Exception {
    ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "color=c=black:s=64x64:r=5:d=12",
        "-i",
        audio.toString(),
        "-shortest",
        "-c:v",
        videoCodec,
        "-c:a",
        audioCodec,
        target.toString());
    return target;
  }

  /** A video without any sound track. */
  static Path silentVideo(Path target) throws Exception {
    ffmpeg(
        "-f", "lavfi", "-i", "color=c=black:s=64x64:r=5:d=3", "-c:v", "libx264", target.toString());
    return target;
  }

  /** The first {@code bytes} of a file, as a download cut off. */
  static Path truncated(Path file, int bytes, Path target) throws Exception {
    byte[] all = Files.readAllBytes(file);
    return Files.write(target, java.util.Arrays.copyOf(all, Math.min(bytes, all.length)));
  }
}

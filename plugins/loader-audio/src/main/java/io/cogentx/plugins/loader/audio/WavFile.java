package io.cogentx.plugins.loader.audio;

import io.cogentx.spi.WavAudio;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A piece of a decoded recording written as a WAV file of its own, copied channel to channel
 * without holding the samples.
 */
final class WavFile {

  private WavFile() {}

  /** Writes samples {@code [fromSample, toSample)} of a 16-bit mono file as a file of its own. */
  static void writePiece(Path source, WavAudio header, long fromSample, long toSample, Path target)
      throws IOException {
    long from = header.dataOffset() + 2 * Math.max(0, fromSample);
    long to = header.dataOffset() + Math.min(header.dataBytes(), 2 * Math.max(0, toSample));
    long bytes = Math.max(0, to - from);
    try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
        FileChannel out =
            FileChannel.open(
                target,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
      ByteBuffer head = WavAudio.pcm16MonoHeader(header.sampleRate(), bytes);
      while (head.hasRemaining()) {
        out.write(head);
      }
      long copied = 0;
      while (copied < bytes) {
        long n = in.transferTo(from + copied, bytes - copied, out);
        if (n <= 0) {
          break;
        }
        copied += n;
      }
    }
  }
}

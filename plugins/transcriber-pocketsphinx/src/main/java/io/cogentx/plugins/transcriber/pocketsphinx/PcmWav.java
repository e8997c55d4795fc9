package io.cogentx.plugins.transcriber.pocketsphinx;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentException.Reason;
import io.cogentx.spi.WavAudio;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The 16 kHz mono 16-bit PCM WAV files the SPI promises, checked and padded with silence. */
final class PcmWav {

  private PcmWav() {}

  /**
   * The header of a 16-bit mono PCM file at {@code rate}.
   *
   * @throws DocumentException DAMAGED when it is anything else
   */
  static WavAudio requirePcm16Mono(Path wav, int rate) throws IOException, DocumentException {
    return WavAudio.read(wav)
        .filter(h -> h.isPcm16Mono(rate))
        .orElseThrow(
            () ->
                new DocumentException(
                    Reason.DAMAGED, "pocketsphinx needs 16 kHz mono 16-bit PCM WAV audio."));
  }

  /** Copies the samples with {@code padSamples} of silence before and after. */
  static void writePadded(Path wav, WavAudio header, long padSamples, Path target)
      throws IOException {
    long dataBytes = header.dataBytes();
    long total = dataBytes + 4 * padSamples;
    try (FileChannel in = FileChannel.open(wav, StandardOpenOption.READ);
        FileChannel out =
            FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      write(out, WavAudio.pcm16MonoHeader(header.sampleRate(), total));
      write(out, ByteBuffer.allocate((int) (2 * padSamples)));
      long copied = 0;
      while (copied < dataBytes) {
        long n = in.transferTo(header.dataOffset() + copied, dataBytes - copied, out);
        if (n <= 0) {
          break;
        }
        copied += n;
      }
      write(out, ByteBuffer.allocate((int) (2 * padSamples)));
    }
  }

  private static void write(FileChannel out, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      out.write(b);
    }
  }
}

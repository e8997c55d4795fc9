package io.cogentx.plugins.transcriber.pocketsphinx;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The 16 kHz mono 16-bit PCM WAV files the SPI promises, checked and padded with silence. */
final class PcmWav {

  private PcmWav() {}

  /**
   * Checks the canonical 44-byte header of a 16-bit mono PCM file at {@code rate}.
   *
   * @return bytes of samples after the header
   * @throws DocumentException DAMAGED when it is anything else
   */
  static long requirePcm16Mono(Path wav, int rate) throws IOException, DocumentException {
    try (FileChannel in = FileChannel.open(wav, StandardOpenOption.READ)) {
      ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
      while (h.hasRemaining() && in.read(h) > 0) {}
      boolean ok =
          h.position() == 44
              && h.getInt(0) == 0x46464952 // RIFF
              && h.getInt(8) == 0x45564157 // WAVE
              && h.getInt(12) == 0x20746d66 // fmt
              && h.getShort(20) == 1 // PCM
              && h.getShort(22) == 1 // mono
              && h.getInt(24) == rate
              && h.getShort(34) == 16
              && h.getInt(36) == 0x61746164; // data
      if (!ok) {
        throw new DocumentException(
            Reason.DAMAGED, "pocketsphinx needs 16 kHz mono 16-bit PCM WAV audio.");
      }
      return Math.min(Integer.toUnsignedLong(h.getInt(40)), in.size() - 44) & ~1L;
    }
  }

  /** Copies the samples with {@code padSamples} of silence before and after. */
  static void writePadded(Path wav, long dataBytes, long padSamples, Path target)
      throws IOException {
    long total = dataBytes + 4 * padSamples;
    try (FileChannel in = FileChannel.open(wav, StandardOpenOption.READ);
        FileChannel out =
            FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer head = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
      head.putInt(0x46464952).putInt((int) (36 + total)).putInt(0x45564157);
      head.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1);
      head.putInt(Pocketsphinx.SAMPLE_RATE).putInt(Pocketsphinx.SAMPLE_RATE * 2);
      head.putShort((short) 2).putShort((short) 16);
      head.putInt(0x61746164).putInt((int) total);
      write(out, head.flip());
      write(out, ByteBuffer.allocate((int) (2 * padSamples)));
      long copied = 0;
      while (copied < dataBytes) {
        long n = in.transferTo(44 + copied, dataBytes - copied, out);
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

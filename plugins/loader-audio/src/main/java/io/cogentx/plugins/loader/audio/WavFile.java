package io.cogentx.plugins.loader.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * RIFF/WAVE files of 16-bit PCM: reading the header (where the samples are, how many the header
 * promises) and writing a piece of one as a file of its own, copied channel to channel without
 * holding the samples.
 */
final class WavFile {

  static final int HEADER_BYTES = 44;

  /**
   * What a WAV header says.
   *
   * @param dataOffset where the samples start
   * @param declaredDataBytes the data chunk's size as the header states it
   * @param availableDataBytes the bytes the file really holds after {@code dataOffset}
   */
  record Header(
      int format,
      int channels,
      int sampleRate,
      int bitsPerSample,
      long dataOffset,
      long declaredDataBytes,
      long availableDataBytes) {

    boolean isPcm16Mono(int rate) {
      return format == 1 && channels == 1 && bitsPerSample == 16 && sampleRate == rate;
    }

    /** Bytes of samples to use: what the header promises, at most what the file holds. */
    long dataBytes() {
      return Math.min(declaredDataBytes, availableDataBytes) & ~1L;
    }

    double seconds() {
      return dataBytes() / (double) (sampleRate * channels * (bitsPerSample / 8));
    }

    /** Seconds the header promises, e.g. for telling a cut-off download. */
    double declaredSeconds() {
      return declaredDataBytes / (double) (sampleRate * channels * (bitsPerSample / 8));
    }
  }

  private WavFile() {}

  /** The header of a RIFF/WAVE file, or empty when it is not one (or makes no sense). */
  static Optional<Header> header(Path file) throws IOException {
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = in.size();
      ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
      if (read(in, b, 0) < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
        return Optional.empty(); // "RIFF" ... "WAVE"
      }
      long position = 12;
      int format = -1;
      int channels = 0;
      int rate = 0;
      int bits = 0;
      for (int chunks = 0; chunks < 64 && position + 8 <= size; chunks++) {
        ByteBuffer chunk = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        read(in, chunk, position);
        int id = chunk.getInt(0);
        long length = Integer.toUnsignedLong(chunk.getInt(4));
        if (id == 0x20746d66) { // "fmt "
          ByteBuffer fmt = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
          if (read(in, fmt, position + 8) < 16) {
            return Optional.empty();
          }
          format = Short.toUnsignedInt(fmt.getShort(0));
          channels = Short.toUnsignedInt(fmt.getShort(2));
          rate = fmt.getInt(4);
          bits = Short.toUnsignedInt(fmt.getShort(14));
        } else if (id == 0x61746164) { // "data"
          if (format < 0 || channels == 0 || rate <= 0 || bits == 0 || bits % 8 != 0) {
            return Optional.empty();
          }
          long offset = position + 8;
          return Optional.of(
              new Header(format, channels, rate, bits, offset, length, size - offset));
        }
        position += 8 + length + (length & 1);
      }
      return Optional.empty();
    }
  }

  /**
   * Writes samples {@code [fromSample, toSample)} of a 16-bit mono file as a WAV file of its own.
   */
  static void writePiece(Path source, Header header, long fromSample, long toSample, Path target)
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
      ByteBuffer head = pcm16MonoHeader(header.sampleRate(), bytes);
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

  /** A 44-byte header of a 16-bit mono PCM file with {@code dataBytes} of samples. */
  static ByteBuffer pcm16MonoHeader(int sampleRate, long dataBytes) {
    ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0x46464952).putInt((int) (36 + dataBytes)).putInt(0x45564157);
    b.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1);
    b.putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
    b.putInt(0x61746164).putInt((int) dataBytes);
    return b.flip();
  }

  private static int read(FileChannel in, ByteBuffer b, long position) throws IOException {
    int total = 0;
    while (b.hasRemaining()) {
      int n = in.read(b, position + total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    return total;
  }
}

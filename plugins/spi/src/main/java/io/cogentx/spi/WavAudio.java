package io.cogentx.spi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The header of a RIFF/WAVE file: the format audio loaders hand to {@link Transcriber}s (16 kHz
 * mono 16-bit PCM), read chunk by chunk (other chunks such as {@code LIST} are skipped), so a
 * transcriber can check what it was given before its engine sees it.
 *
 * @param format the format tag (1 = PCM)
 * @param dataOffset where the samples start
 * @param declaredDataBytes the data chunk's size as the header states it
 * @param availableDataBytes bytes the file really holds after {@code dataOffset}
 */
public record WavAudio(
    int format,
    int channels,
    int sampleRate,
    int bitsPerSample,
    long dataOffset,
    long declaredDataBytes,
    long availableDataBytes) {

  /** The sample rate transcribers receive. */
  public static final int RATE_16K = 16_000;

  /** Size of the canonical header {@link #pcm16MonoHeader} writes. */
  public static final int CANONICAL_HEADER_BYTES = 44;

  /** Whether this is 16-bit mono PCM at {@code rate}. */
  public boolean isPcm16Mono(int rate) {
    return format == 1 && channels == 1 && bitsPerSample == 16 && sampleRate == rate;
  }

  /** Bytes of samples to use: what the header promises, at most what the file holds (even). */
  public long dataBytes() {
    return Math.min(declaredDataBytes, availableDataBytes) & ~1L;
  }

  /** Seconds of audio the file holds. */
  public double seconds() {
    return dataBytes() / (double) bytesPerSecond();
  }

  /** Seconds the header promises (more than {@link #seconds()} in a cut-off file). */
  public double declaredSeconds() {
    return declaredDataBytes / (double) bytesPerSecond();
  }

  private long bytesPerSecond() {
    return (long) sampleRate * channels * Math.max(1, bitsPerSample / 8);
  }

  /** The header of a RIFF/WAVE file, or empty when it is not one (or makes no sense). */
  public static Optional<WavAudio> read(Path file) throws IOException {
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
              new WavAudio(format, channels, rate, bits, offset, length, size - offset));
        }
        position += 8 + length + (length & 1);
      }
      return Optional.empty();
    }
  }

  /** The 44-byte header of a 16-bit mono PCM file holding {@code dataBytes} of samples. */
  public static ByteBuffer pcm16MonoHeader(int sampleRate, long dataBytes) {
    ByteBuffer b = ByteBuffer.allocate(CANONICAL_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
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

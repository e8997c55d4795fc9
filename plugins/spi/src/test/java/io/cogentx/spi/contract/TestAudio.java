package io.cogentx.spi.contract;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cogentx.spi.WavAudio;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Audio for tests: the recordings in shared/data/audio (SOURCES.md, section 3), and 16 kHz mono WAV
 * files made from them or from numbers.
 */
public final class TestAudio {

  private TestAudio() {}

  /**
   * The folder, from {@code -Dcogentx.audio.data}, {@code $COGENTX_AUDIO_DATA}, shared/ beside the
   * repository, or /work/shared.
   */
  public static Optional<Path> directory() {
    String property = System.getProperty("cogentx.audio.data");
    String env = System.getenv("COGENTX_AUDIO_DATA");
    return Stream.of(
            property == null ? null : Path.of(property),
            env == null ? null : Path.of(env),
            Path.of("../../../shared/data/audio"),
            Path.of("../../shared/data/audio"),
            Path.of("../shared/data/audio"),
            Path.of("/work/shared/data/audio"))
        .filter(p -> p != null && Files.isDirectory(p))
        .findFirst();
  }

  /** A recording of shared/data/audio, or the test is skipped saying what is missing. */
  public static Path file(String name) {
    Optional<Path> dir = directory();
    assumeTrue(dir.isPresent(), "shared/data/audio not found (set -Dcogentx.audio.data): skipping");
    Path file = dir.get().resolve(name);
    assumeTrue(Files.isRegularFile(file), "sample " + file + " missing: skipping");
    return file;
  }

  /**
   * A copy of a 16 kHz mono 16-bit WAV file with the canonical 44-byte header (other chunks
   * dropped), as audio loaders hand pieces to transcribers.
   */
  public static Path canonical(Path wav, Path target) throws IOException {
    WavAudio h =
        WavAudio.read(wav)
            .filter(a -> a.isPcm16Mono(WavAudio.RATE_16K))
            .orElseThrow(() -> new IOException(wav + " is not 16 kHz mono 16-bit PCM"));
    try (FileChannel in = FileChannel.open(wav, StandardOpenOption.READ);
        FileChannel out =
            FileChannel.open(
                target,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
      ByteBuffer head = WavAudio.pcm16MonoHeader(WavAudio.RATE_16K, h.dataBytes());
      while (head.hasRemaining()) {
        out.write(head);
      }
      in.transferTo(h.dataOffset(), h.dataBytes(), out);
    }
    return target;
  }

  /** A 16 kHz mono WAV file of {@code samples}. */
  public static Path write(short[] samples, Path target) throws IOException {
    ByteBuffer b =
        ByteBuffer.allocate(WavAudio.CANONICAL_HEADER_BYTES + 2 * samples.length)
            .order(ByteOrder.LITTLE_ENDIAN);
    b.put(WavAudio.pcm16MonoHeader(WavAudio.RATE_16K, 2L * samples.length));
    for (short s : samples) {
      b.putShort(s);
    }
    return Files.write(target, b.array());
  }

  /** {@code seconds} of a sine tone at {@code hertz} (or silence at 0 Hz), 16 kHz. */
  public static short[] tone(double seconds, double hertz, double amplitude) {
    short[] out = new short[(int) Math.round(seconds * WavAudio.RATE_16K)];
    for (int i = 0; i < out.length; i++) {
      out[i] =
          (short)
              Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * hertz * i / WavAudio.RATE_16K));
    }
    return out;
  }
}

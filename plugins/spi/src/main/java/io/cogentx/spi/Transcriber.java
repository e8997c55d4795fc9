package io.cogentx.spi;

import java.nio.file.Path;
import java.util.List;

/** Speech to text. Implementations are thread-safe. */
public interface Transcriber extends AutoCloseable {

  /** Whether this engine can run here (its program or model is installed); may be cached. */
  boolean available();

  /**
   * Transcribes a 16 kHz mono 16-bit PCM WAV file into timed segments, in order; times are seconds
   * from the start of that file.
   *
   * @param progress transcription stops early (with {@link DocumentException}) when it reports
   *     cancellation
   */
  List<Segment> transcribe(Path wav16kMono, Progress progress) throws DocumentException;

  @Override
  default void close() {}
}

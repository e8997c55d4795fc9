package io.cogentx.spi;

import java.nio.file.Path;
import java.util.List;

/** Speech to text for the audio loader; {@link #name()} is what {@code TRANSCRIBER} names. */
public interface Transcriber extends Plugin {

  /**
   * Transcribes a 16 kHz mono 16-bit PCM WAV file into timed segments, in order.
   *
   * @param sink receives progress; transcription stops early when it reports cancellation
   */
  List<Segment> transcribe(Path wav16kMono, SegmentSink sink) throws DocumentException;
}

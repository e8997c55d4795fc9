package io.cogentx.spi;

import java.nio.file.Path;
import java.util.List;

/**
 * Speech to text. Implementations are thread-safe. Audio loaders find transcribers through {@link
 * PluginContext#providers(Class)} and hand them short pieces of audio (tens of seconds, cut at
 * silences), so an implementation never needs to hold a long recording.
 */
public interface Transcriber extends AutoCloseable {

  /** Whether this engine can run here (its program or model is installed); may be cached. */
  boolean available();

  /**
   * Transcribes a 16 kHz mono 16-bit PCM WAV file into timed segments, in order; times are seconds
   * from the start of that file. A segment's text may start with a speaker label ({@code
   * "[SPEAKER_1] …"}) only when the engine itself returned one.
   *
   * @param progress transcription stops early (with {@link DocumentException}) when it reports
   *     cancellation
   * @throws DocumentException {@link DocumentException.Reason#DAMAGED} for audio the engine cannot
   *     read, {@link DocumentException.Reason#UNAVAILABLE} when the engine's service cannot be
   *     reached or fails (the same audio may work later)
   */
  List<Segment> transcribe(Path wav16kMono, Progress progress) throws DocumentException;

  /**
   * The model that transcribes, as users should see it next to the engine's name (e.g. {@code
   * ggml-base.en.bin}, {@code whisper-1}), or {@code ""} when the engine has one fixed model.
   */
  default String model() {
    return "";
  }

  /**
   * True when each call goes to another service over the network. The server then guards {@link
   * #transcribe} with MicroProfile Fault Tolerance (a timeout, a retry when the service is {@link
   * DocumentException.Reason#UNAVAILABLE unavailable}, a circuit breaker), so a remote
   * implementation makes one attempt per call.
   */
  default boolean remote() {
    return false;
  }

  @Override
  default void close() {}
}

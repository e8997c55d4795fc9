package io.cogentx.plugins.transcriber.whisper.jni;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentException.Reason;
import io.cogentx.spi.PluginHealth;
import io.cogentx.spi.Progress;
import io.cogentx.spi.Segment;
import io.cogentx.spi.Transcriber;
import io.cogentx.spi.WavAudio;
import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;
import io.github.givimad.whisperjni.WhisperState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * whisper.cpp in this JVM. The model is checked ({@link GgmlModel}) and loaded once; each piece of
 * audio is checked (16 kHz mono 16-bit PCM, at most {@value #MAX_PIECE_SECONDS} s), turned into
 * floats and transcribed with a state of its own, one piece at a time (each uses {@code
 * WHISPER_THREADS} cores); whisper.cpp cannot be stopped inside a piece, so cancellation is checked
 * before each. Times come back in centiseconds.
 */
final class WhisperJniTranscriber implements Transcriber, PluginHealth.Reporting {

  static final int MAX_PIECE_SECONDS = 600;

  private final WhisperJNI whisper;
  private final WhisperContext context;
  private final Path model;
  private final GgmlModel.Header header;
  private final int threads;
  private final String language;
  private boolean closed;

  private WhisperJniTranscriber(
      WhisperJNI whisper,
      WhisperContext context,
      Path model,
      GgmlModel.Header header,
      int threads,
      String language) {
    this.whisper = whisper;
    this.context = context;
    this.model = model;
    this.header = header;
    this.threads = threads;
    this.language = language;
  }

  /** Not configured: unavailable, and says how to configure it. */
  static WhisperJniTranscriber unconfigured() {
    return new WhisperJniTranscriber(null, null, null, null, 1, "");
  }

  /**
   * Checks and loads the model.
   *
   * @throws IllegalArgumentException naming the file and what is wrong with it
   */
  static WhisperJniTranscriber load(Path model, int threads, String language) throws IOException {
    GgmlModel.Header header;
    try {
      header = GgmlModel.check(model);
    } catch (GgmlModel.Invalid e) {
      throw new IllegalArgumentException(
          "WHISPER_MODEL_PATH=" + model + " cannot be used: " + e.getMessage() + ".");
    }
    WhisperJNI whisper;
    try {
      WhisperJNI.loadLibrary();
      WhisperJNI.setLibraryLogger(null);
      whisper = new WhisperJNI();
    } catch (IOException | LinkageError e) {
      throw new IllegalArgumentException(
          "whisper.cpp's native library cannot be loaded on this machine (" + e + ").");
    }
    WhisperContext context = whisper.init(model);
    if (context == null) {
      throw new IllegalArgumentException(
          "WHISPER_MODEL_PATH="
              + model
              + " cannot be used: whisper.cpp could not load it (an unsupported or damaged"
              + " model).");
    }
    return new WhisperJniTranscriber(whisper, context, model, header, threads, language);
  }

  @Override
  public boolean available() {
    return context != null;
  }

  @Override
  public String model() {
    return model == null ? "" : model.getFileName().toString();
  }

  @Override
  public PluginHealth health() {
    if (context == null) {
      return PluginHealth.degraded("WHISPER_MODEL_PATH is not set.", Map.of());
    }
    return PluginHealth.up(
        "whisper.cpp runs in the server with " + model() + " (" + header.size() + ").",
        Map.of(
            "model",
            model.toString(),
            "threads",
            Integer.toString(threads),
            "size",
            header.size()));
  }

  @Override
  public List<Segment> transcribe(Path wav16kMono, Progress progress) throws DocumentException {
    if (context == null) {
      throw new DocumentException(
          Reason.UNAVAILABLE, "No Whisper model is configured (WHISPER_MODEL_PATH).");
    }
    float[] samples = samples(wav16kMono);
    if (progress.cancelled()) {
      throw new DocumentException(Reason.EMPTY, "Transcription was cancelled.");
    }
    return run(samples);
  }

  private synchronized List<Segment> run(float[] samples) throws DocumentException {
    if (closed) {
      throw new DocumentException(Reason.UNAVAILABLE, "The Whisper model was unloaded.");
    }
    WhisperState state = whisper.initState(context);
    try {
      WhisperFullParams params = new WhisperFullParams(WhisperSamplingStrategy.GREEDY);
      params.nThreads = threads;
      params.language = language.isEmpty() ? "auto" : language;
      params.printProgress = false;
      params.printRealtime = false;
      params.printTimestamps = false;
      params.printSpecial = false;
      params.temperature = 0;
      int result = whisper.fullWithState(context, state, params, samples, samples.length);
      if (result != 0) {
        throw new DocumentException(
            Reason.DAMAGED, "whisper.cpp could not transcribe this audio (code " + result + ").");
      }
      double seconds = samples.length / (double) WavAudio.RATE_16K;
      int n = whisper.fullNSegmentsFromState(state);
      List<Segment> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String text = whisper.fullGetSegmentTextFromState(state, i);
        if (text == null || text.isBlank()) {
          continue;
        }
        double start =
            Math.clamp(whisper.fullGetSegmentTimestamp0FromState(state, i) / 100.0, 0, seconds);
        double end =
            Math.clamp(whisper.fullGetSegmentTimestamp1FromState(state, i) / 100.0, start, seconds);
        out.add(Segment.timed(start, end, text.strip()));
      }
      return out;
    } finally {
      whisper.free(state);
    }
  }

  /** The samples as floats in [-1, 1], after checking the file is what whisper.cpp expects. */
  static float[] samples(Path wav) throws DocumentException {
    try {
      WavAudio audio =
          WavAudio.read(wav)
              .filter(a -> a.isPcm16Mono(WavAudio.RATE_16K))
              .orElseThrow(
                  () ->
                      new DocumentException(
                          Reason.DAMAGED, "whisper.cpp needs 16 kHz mono 16-bit PCM WAV audio."));
      if (audio.seconds() > MAX_PIECE_SECONDS) {
        throw new DocumentException(
            Reason.TOO_LARGE, "A piece of audio longer than " + MAX_PIECE_SECONDS + " s.");
      }
      if (audio.dataBytes() < 2) {
        throw new DocumentException(Reason.EMPTY, "The audio holds no samples.");
      }
      ByteBuffer bytes =
          ByteBuffer.allocate((int) audio.dataBytes()).order(ByteOrder.LITTLE_ENDIAN);
      try (FileChannel in = FileChannel.open(wav, StandardOpenOption.READ)) {
        while (bytes.hasRemaining()) {
          if (in.read(bytes, audio.dataOffset() + bytes.position()) < 0) {
            break;
          }
        }
      }
      bytes.flip();
      float[] samples = new float[bytes.remaining() / 2];
      for (int i = 0; i < samples.length; i++) {
        samples[i] = bytes.getShort() / 32768f;
      }
      return samples;
    } catch (IOException e) {
      throw new DocumentException(Reason.DAMAGED, "The audio could not be read.", e);
    }
  }

  @Override
  public synchronized void close() {
    if (!closed && context != null) {
      closed = true;
      whisper.free(context);
    }
  }
}

package io.cogentx.plugins.transcriber.whisper.jni;

import io.cogentx.spi.PluginContext;
import io.cogentx.spi.Setting;
import io.cogentx.spi.Transcriber;
import io.cogentx.spi.TranscriberProvider;
import java.nio.file.Path;
import java.util.List;

/**
 * Transcriber {@code whisper-jni}: available when {@code WHISPER_MODEL_PATH} names a ggml Whisper
 * model (e.g. ggml-base.en.bin); the model is checked and loaded when the transcriber is created.
 */
public final class WhisperJniProvider implements TranscriberProvider {

  static final Setting MODEL_PATH =
      Setting.of(
          "WHISPER_MODEL_PATH",
          "",
          "A ggml Whisper model file (e.g. ggml-base.en.bin from the whisper.cpp project) for"
              + " in-process transcription; empty: not used");
  static final Setting THREADS =
      Setting.of(
          "WHISPER_THREADS",
          "",
          "Threads whisper.cpp uses for one piece of audio (default: 2, or 1 on a single core)");
  static final Setting LANGUAGE =
      Setting.of(
          "WHISPER_LANGUAGE",
          "",
          "Language of the recordings (ISO 639-1, e.g. en); empty: the server detects it");

  @Override
  public String name() {
    return "whisper-jni";
  }

  @Override
  public List<Setting> settings() {
    return List.of(MODEL_PATH, THREADS, LANGUAGE);
  }

  /**
   * @throws IllegalArgumentException when the model file is missing or not a ggml Whisper model
   *     (the message names the file and what is wrong); never a crash of the JVM
   */
  @Override
  public Transcriber create(PluginContext context) throws Exception {
    var config = context.config();
    String model = config.get(MODEL_PATH).strip();
    if (model.isEmpty()) {
      return WhisperJniTranscriber.unconfigured();
    }
    int threads =
        Math.clamp(
            config.getInt(THREADS.name(), Math.min(2, Runtime.getRuntime().availableProcessors())),
            1,
            32);
    return WhisperJniTranscriber.load(Path.of(model), threads, config.get(LANGUAGE).strip());
  }
}

package io.cogentx.plugins.transcriber.whisper.jni;

import io.cogentx.spi.PluginContext;
import io.cogentx.spi.TranscriberProvider;
import io.cogentx.spi.contract.TestAudio;
import io.cogentx.spi.contract.TranscriberContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The SPI's transcriber contract on the in-process path, with a generated random-weight model (so
 * the words are not checked, only what the server relies on).
 */
class WhisperJniContractTest extends TranscriberContract {

  static Path dir;
  static Path model;

  @BeforeAll
  static void generateModel() throws Exception {
    dir = Files.createTempDirectory("whisper-jni-contract-");
    model = TinyWhisperModel.write(dir.resolve("ggml-tiny-random.bin"), 11);
  }

  @AfterAll
  static void deleteModel() throws Exception {
    Files.deleteIfExists(model);
    Files.deleteIfExists(dir);
  }

  @Override
  protected TranscriberProvider provider() {
    return new WhisperJniProvider();
  }

  @Override
  protected PluginContext context() {
    return PluginContext.of(Map.of("WHISPER_MODEL_PATH", model.toString(), "WHISPER_THREADS", "1"));
  }

  @Override
  protected Path sample() throws Exception {
    return TestAudio.canonical(TestAudio.file("jfk.wav"), temp.resolve("jfk.wav"));
  }

  @Override
  protected boolean requiresConfiguration() {
    return true;
  }
}

package io.cogentx.plugins.transcriber.whisper.http;

import io.cogentx.spi.PluginContext;
import io.cogentx.spi.TranscriberProvider;
import io.cogentx.spi.contract.TestAudio;
import io.cogentx.spi.contract.TranscriberContract;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The SPI's transcriber contract, against the loopback Whisper double. */
class WhisperHttpContractTest extends TranscriberContract {

  static WhisperDouble whisper;

  @BeforeAll
  static void startDouble() {
    whisper = WhisperDouble.start(0);
  }

  @AfterAll
  static void stopDouble() {
    whisper.close();
  }

  @Override
  protected TranscriberProvider provider() {
    return new WhisperHttpProvider();
  }

  @Override
  protected PluginContext context() {
    return PluginContext.of(Map.of("WHISPER_BASE_URL", whisper.baseUrl()));
  }

  @Override
  protected Path sample() throws Exception {
    return TestAudio.canonical(TestAudio.file("jfk.wav"), temp.resolve("jfk.wav"));
  }

  @Override
  protected String samplePhrase() {
    return "ask not what your country can do for you";
  }

  @Override
  protected boolean requiresConfiguration() {
    return true;
  }
}

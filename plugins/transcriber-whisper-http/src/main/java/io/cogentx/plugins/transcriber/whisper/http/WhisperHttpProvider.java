package io.cogentx.plugins.transcriber.whisper.http;

import io.cogentx.spi.PluginContext;
import io.cogentx.spi.Setting;
import io.cogentx.spi.Transcriber;
import io.cogentx.spi.TranscriberProvider;
import java.util.List;

/**
 * Transcriber {@code whisper-http}: available when {@code WHISPER_BASE_URL} names a server.
 * Creating it calls nothing.
 */
public final class WhisperHttpProvider implements TranscriberProvider {

  @Override
  public String name() {
    return "whisper-http";
  }

  @Override
  public List<Setting> settings() {
    return WhisperHttpSettings.ALL;
  }

  @Override
  public Transcriber create(PluginContext context) {
    return new WhisperHttpTranscriber(WhisperHttpSettings.from(context.config()));
  }
}

package io.cogentx.plugins.loader.audio;

import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.DocumentLoaderProvider;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.Setting;
import io.cogentx.spi.TranscriberProvider;
import java.util.List;

/**
 * Loader {@code audio}: recordings and videos, transcribed by the transcriber plugins installed
 * ({@code TRANSCRIBER}) into segments with their time ranges.
 */
public final class AudioLoaderProvider implements DocumentLoaderProvider {

  @Override
  public String name() {
    return "audio";
  }

  @Override
  public List<Setting> settings() {
    return AudioSettings.ALL;
  }

  @Override
  public DocumentLoader create(PluginContext context) {
    AudioSettings settings = AudioSettings.from(context.config());
    return new AudioLoader(
        settings,
        new Engines(settings.transcriber(), context.providers(TranscriberProvider.class), context));
  }
}

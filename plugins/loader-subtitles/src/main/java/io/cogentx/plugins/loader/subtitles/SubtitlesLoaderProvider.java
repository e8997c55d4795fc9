package io.cogentx.plugins.loader.subtitles;

import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.DocumentLoaderProvider;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.Setting;
import java.util.List;

/**
 * Loader {@code subtitles}: SubRip ({@code .srt}) and WebVTT ({@code .vtt}) files, each cue a timed
 * segment. Found by the server through {@code
 * META-INF/services/io.cogentx.spi.DocumentLoaderProvider}.
 */
public final class SubtitlesLoaderProvider implements DocumentLoaderProvider {

  static final Setting MAX_CUES =
      Setting.of("SUBTITLES_MAX_CUES", 100_000, "Most cues read from one subtitle file");

  @Override
  public String name() {
    return "subtitles";
  }

  @Override
  public List<Setting> settings() {
    return List.of(MAX_CUES);
  }

  @Override
  public DocumentLoader create(PluginContext context) {
    int maxCues = context.config().getInt(MAX_CUES);
    if (maxCues < 1) {
      throw new IllegalArgumentException(MAX_CUES.name() + " must be at least 1, was " + maxCues);
    }
    return new SubtitlesLoader(maxCues);
  }
}

package io.cogentx.plugins.loader.office;

import io.cogentx.spi.PluginConfig;
import io.cogentx.spi.Setting;
import java.time.Duration;

/**
 * The loader's limits, checked once when it is created.
 *
 * @param maxCharacters most characters read from one document (Tika's write limit)
 * @param timeout longest one document may take to read
 * @param maxCompressionRatio most a zipped document may expand per stored byte
 * @param maxEntryBytes largest unpacked part of a zipped office document
 * @param maxAttachmentDepth how deep attachments inside attachments are read
 */
record OfficeSettings(
    int maxCharacters,
    Duration timeout,
    int maxCompressionRatio,
    long maxEntryBytes,
    int maxAttachmentDepth) {

  /** Text below this many characters is never a zip bomb, whatever the ratio. */
  static final int BOMB_GRACE_CHARACTERS = 1_000_000;

  static OfficeSettings defaults() {
    return from(PluginConfig.of(java.util.Map.of()));
  }

  static OfficeSettings from(PluginConfig config) {
    return new OfficeSettings(
        atLeast(config, OfficeLoaderProvider.MAX_CHARACTERS, 1),
        Duration.ofSeconds(atLeast(config, OfficeLoaderProvider.TIMEOUT_SECONDS, 1)),
        atLeast(config, OfficeLoaderProvider.MAX_COMPRESSION_RATIO, 2),
        atLeast(config, OfficeLoaderProvider.MAX_ENTRY_MEGABYTES, 1) * 1024L * 1024L,
        atLeast(config, OfficeLoaderProvider.MAX_ATTACHMENT_DEPTH, 0));
  }

  private static int atLeast(PluginConfig config, Setting setting, int min) {
    int value = config.getInt(setting);
    if (value < min) {
      throw new IllegalArgumentException(
          setting.name() + " must be at least " + min + ", was " + value);
    }
    return value;
  }
}

package io.cogentx.plugins.transcriber.pocketsphinx;

import io.cogentx.spi.PluginContext;
import io.cogentx.spi.Setting;
import io.cogentx.spi.Transcriber;
import io.cogentx.spi.TranscriberProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Transcriber {@code pocketsphinx}: offline, weak, and available on a fresh machine once Debian's
 * {@code pocketsphinx} and {@code pocketsphinx-en-us} are installed.
 */
public final class PocketsphinxProvider implements TranscriberProvider {

  static final Setting COMMAND =
      Setting.of(
          "POCKETSPHINX_PATH",
          "pocketsphinx_continuous",
          "The pocketsphinx_continuous command: a path, or a name on the PATH");
  static final Setting MODEL_DIRECTORY =
      Setting.of(
          "POCKETSPHINX_MODEL_DIRECTORY",
          "/usr/share/pocketsphinx/model/en-us",
          "Folder with the acoustic model (en-us/), language model (en-us.lm.bin) and dictionary"
              + " (cmudict-en-us.dict)");
  static final Setting OPTIONS =
      Setting.of(
          "POCKETSPHINX_OPTIONS",
          "",
          "Extra decoder options, separated by spaces, e.g. -pip 0.5 (none helped on the development"
              + " clips, see docs/audio.md)");
  static final Setting PAD_SECONDS =
      Setting.of(
          "POCKETSPHINX_PAD_SECONDS",
          "0.25",
          "Silence added before and after each piece: the decoder adapts to the recording's level"
              + " during it");
  static final Setting TIMEOUT =
      Setting.of(
          "POCKETSPHINX_TIMEOUT_SECONDS",
          300,
          "Longest transcription of one piece of audio, in seconds");

  @Override
  public String name() {
    return "pocketsphinx";
  }

  @Override
  public List<Setting> settings() {
    return List.of(COMMAND, MODEL_DIRECTORY, OPTIONS, PAD_SECONDS, TIMEOUT);
  }

  @Override
  public Transcriber create(PluginContext context) {
    var config = context.config();
    double pad = config.getDouble(PAD_SECONDS);
    if (pad < 0 || pad > 5) {
      throw new IllegalArgumentException("POCKETSPHINX_PAD_SECONDS must be 0 to 5, was " + pad);
    }
    return new Pocketsphinx(
        config.get(COMMAND),
        Path.of(config.get(MODEL_DIRECTORY)),
        Arrays.stream(config.get(OPTIONS).strip().split("\\s+")).filter(s -> !s.isBlank()).toList(),
        pad,
        Duration.ofSeconds(Math.max(1, config.getInt(TIMEOUT))));
  }
}

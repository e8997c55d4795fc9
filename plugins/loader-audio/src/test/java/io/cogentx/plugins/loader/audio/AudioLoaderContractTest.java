package io.cogentx.plugins.loader.audio;

import io.cogentx.plugins.transcriber.pocketsphinx.PocketsphinxProvider;
import io.cogentx.spi.DocumentLoaderProvider;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.PluginConfig;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.contract.DocumentLoaderContract;
import io.cogentx.spi.contract.Loads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The SPI's loader contract with the real ffmpeg and the real offline engine (pocketsphinx) on a
 * real recording: LJ001-0008.flac, "has never been surpassed" (1.8 s of LJ Speech, one of the
 * development clips in bench/data/dev-audio), short because the contract loads it a dozen times.
 */
class AudioLoaderContractTest extends DocumentLoaderContract {

  @Override
  protected DocumentLoaderProvider provider() {
    return new AudioLoaderProvider();
  }

  @Override
  protected PluginContext context() {
    return PluginContext.of(PluginConfig.of(Map.of()), List.of(new PocketsphinxProvider()));
  }

  @Override
  protected LoadRequest sample() throws Exception {
    Path clip = Path.of("../../bench/data/dev-audio/LJ001-0008.flac");
    return Loads.request(Files.readAllBytes(clip), "LJ001-0008.flac", "audio/x-flac");
  }

  @Override
  protected String samplePhrase() {
    return "has never been surpassed";
  }
}

package io.cogentx.plugins.generator.ollama;

import io.cogentx.spi.Generator;
import io.cogentx.spi.GeneratorProvider;
import io.cogentx.spi.PluginConfig;

/** The {@code ollama} answer generator: {@code OLLAMA_BASE_URL}, {@code OLLAMA_MODEL}, … */
public final class OllamaGeneratorProvider implements GeneratorProvider {

  @Override
  public String name() {
    return "ollama";
  }

  @Override
  public Generator create(PluginConfig config) {
    return new OllamaGenerator(OllamaSettings.from(config));
  }
}

package io.cogentx.plugins.generator.openai;

import io.cogentx.spi.Generator;
import io.cogentx.spi.GeneratorProvider;
import io.cogentx.spi.PluginConfig;

/** The {@code openai} answer generator: any server speaking OpenAI's chat completions API. */
public final class OpenAiGeneratorProvider implements GeneratorProvider {

  @Override
  public String name() {
    return "openai";
  }

  @Override
  public Generator create(PluginConfig config) {
    return new OpenAiGenerator(OpenAiSettings.from(config));
  }
}

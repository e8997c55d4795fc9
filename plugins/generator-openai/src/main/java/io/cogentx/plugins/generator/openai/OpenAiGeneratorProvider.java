package io.cogentx.plugins.generator.openai;

import io.cogentx.spi.Generator;
import io.cogentx.spi.GeneratorProvider;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.Setting;
import java.util.List;

/** The {@code openai} answer generator: any server speaking OpenAI's chat completions API. */
public final class OpenAiGeneratorProvider implements GeneratorProvider {

  @Override
  public String name() {
    return "openai";
  }

  @Override
  public List<Setting> settings() {
    return OpenAiSettings.ALL;
  }

  @Override
  public Generator create(PluginContext context) {
    return new OpenAiGenerator(OpenAiSettings.from(context.config()));
  }
}

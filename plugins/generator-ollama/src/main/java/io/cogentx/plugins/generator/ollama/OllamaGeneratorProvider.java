package io.cogentx.plugins.generator.ollama;

import io.cogentx.spi.Generator;
import io.cogentx.spi.GeneratorProvider;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.Setting;
import java.util.List;

/**
 * Answer generator {@code ollama}: streams from Ollama's chat API and reports whether Ollama holds
 * the model.
 */
public final class OllamaGeneratorProvider implements GeneratorProvider {

  @Override
  public String name() {
    return "ollama";
  }

  @Override
  public List<Setting> settings() {
    return OllamaSettings.ALL;
  }

  @Override
  public Generator create(PluginContext context) {
    return new OllamaGenerator(OllamaSettings.from(context.config()));
  }
}

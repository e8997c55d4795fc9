package io.cogentx.plugins.generator.ollama;

import io.cogentx.spi.PluginConfig;
import java.net.URI;
import java.time.Duration;

/**
 * Where Ollama is and how to run the model.
 *
 * @param baseUrl {@code OLLAMA_BASE_URL}, e.g. {@code http://localhost:11434}
 * @param model {@code OLLAMA_MODEL}, e.g. {@code llama2}
 * @param contextTokens {@code OLLAMA_NUM_CTX}: the context window asked for ({@code num_ctx})
 * @param timeout {@code OLLAMA_TIMEOUT_SECONDS}: connecting and waiting for the response headers
 * @param temperature {@code OLLAMA_TEMPERATURE}: low keeps answers close to the sources
 */
public record OllamaSettings(
    URI baseUrl, String model, int contextTokens, Duration timeout, double temperature) {

  public OllamaSettings {
    if (contextTokens < 256) {
      throw new IllegalArgumentException("OLLAMA_NUM_CTX must be at least 256: " + contextTokens);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("OLLAMA_TIMEOUT_SECONDS must be positive: " + timeout);
    }
  }

  static OllamaSettings from(PluginConfig config) {
    String base = config.get("OLLAMA_BASE_URL", "http://localhost:11434").strip();
    return new OllamaSettings(
        URI.create(base.replaceAll("/+$", "") + "/"),
        config.get("OLLAMA_MODEL", "llama2").strip(),
        config.getInt("OLLAMA_NUM_CTX", 4096),
        Duration.ofMillis(
            Math.round(
                1000 * Double.parseDouble(config.get("OLLAMA_TIMEOUT_SECONDS", "30").strip()))),
        Double.parseDouble(config.get("OLLAMA_TEMPERATURE", "0.2").strip()));
  }
}

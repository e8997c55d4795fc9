package io.cogentx.plugins.generator.openai;

import io.cogentx.spi.PluginConfig;
import java.net.URI;
import java.time.Duration;

/**
 * Where the OpenAI-compatible server is and how to call it.
 *
 * @param baseUrl {@code OPENAI_BASE_URL}, up to and including {@code /v1}
 * @param model {@code OPENAI_MODEL}: the name the server serves the model under
 * @param apiKey {@code OPENAI_API_KEY}, sent as a bearer token; empty for local servers
 * @param contextTokens {@code OPENAI_CONTEXT_TOKENS}: the model's context window, for fitting
 *     prompts
 * @param timeout {@code OPENAI_TIMEOUT_SECONDS}: connecting and waiting for the response headers
 * @param temperature {@code OPENAI_TEMPERATURE}
 */
public record OpenAiSettings(
    URI baseUrl,
    String model,
    String apiKey,
    int contextTokens,
    Duration timeout,
    double temperature) {

  public OpenAiSettings {
    if (contextTokens < 256) {
      throw new IllegalArgumentException(
          "OPENAI_CONTEXT_TOKENS must be at least 256: " + contextTokens);
    }
  }

  static OpenAiSettings from(PluginConfig config) {
    String base = config.get("OPENAI_BASE_URL", "http://localhost:8080/v1").strip();
    return new OpenAiSettings(
        URI.create(base.replaceAll("/+$", "") + "/"),
        config.get("OPENAI_MODEL", "default").strip(),
        config.get("OPENAI_API_KEY", "").strip(),
        config.getInt("OPENAI_CONTEXT_TOKENS", 4096),
        Duration.ofSeconds(config.getInt("OPENAI_TIMEOUT_SECONDS", 30)),
        Double.parseDouble(config.get("OPENAI_TEMPERATURE", "0.2").strip()));
  }
}

package io.cogentx.plugins.generator.openai;

import io.cogentx.spi.PluginConfig;
import io.cogentx.spi.Setting;
import java.net.URI;
import java.time.Duration;
import java.util.List;

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

  static final Setting BASE_URL =
      Setting.of(
          "OPENAI_BASE_URL",
          "http://localhost:8080/v1",
          "The OpenAI-compatible server, up to and including /v1");
  static final Setting MODEL =
      Setting.of("OPENAI_MODEL", "default", "The name the server serves the model under");
  static final Setting API_KEY =
      Setting.secret("OPENAI_API_KEY", "Sent as a bearer token; empty for local servers");
  static final Setting CONTEXT_TOKENS =
      Setting.of("OPENAI_CONTEXT_TOKENS", 4096, "The model's context window, for fitting prompts");
  static final Setting TIMEOUT_SECONDS =
      Setting.of(
          "OPENAI_TIMEOUT_SECONDS", 30, "Connecting and waiting for the response headers, seconds");
  static final Setting TEMPERATURE =
      Setting.of("OPENAI_TEMPERATURE", "0.2", "Sampling temperature");

  static final List<Setting> ALL =
      List.of(BASE_URL, MODEL, API_KEY, CONTEXT_TOKENS, TIMEOUT_SECONDS, TEMPERATURE);

  static OpenAiSettings from(PluginConfig config) {
    String base = config.get(BASE_URL);
    return new OpenAiSettings(
        URI.create(base.replaceAll("/+$", "") + "/"),
        config.get(MODEL),
        config.get(API_KEY),
        config.getInt(CONTEXT_TOKENS),
        Duration.ofSeconds(config.getInt(TIMEOUT_SECONDS)),
        config.getDouble(TEMPERATURE));
  }
}

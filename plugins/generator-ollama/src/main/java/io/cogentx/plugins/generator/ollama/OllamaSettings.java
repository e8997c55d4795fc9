package io.cogentx.plugins.generator.ollama;

import io.cogentx.spi.PluginConfig;
import io.cogentx.spi.Setting;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Where Ollama is and how to run the model.
 *
 * @param baseUrl {@code OLLAMA_BASE_URL}, e.g. {@code http://localhost:11434}
 * @param model {@code OLLAMA_MODEL}, e.g. {@code llama2}
 * @param contextTokens {@code OLLAMA_NUM_CTX}: the context window asked for ({@code num_ctx})
 * @param timeout {@code OLLAMA_TIMEOUT_SECONDS}: connecting and waiting for the response headers
 * @param temperature {@code OLLAMA_TEMPERATURE}: low keeps answers close to the sources
 * @param healthInterval {@code OLLAMA_HEALTH_INTERVAL_SECONDS}: how long one probe of {@code
 *     /api/tags} is reported before Ollama is asked again
 */
public record OllamaSettings(
    URI baseUrl,
    String model,
    int contextTokens,
    Duration timeout,
    double temperature,
    Duration healthInterval) {

  public OllamaSettings {
    if (contextTokens < 256) {
      throw new IllegalArgumentException("OLLAMA_NUM_CTX must be at least 256: " + contextTokens);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("OLLAMA_TIMEOUT_SECONDS must be positive: " + timeout);
    }
  }

  static final Setting BASE_URL =
      Setting.of("OLLAMA_BASE_URL", "http://localhost:11434", "Where Ollama answers");
  static final Setting MODEL = Setting.of("OLLAMA_MODEL", "llama2", "The model that answers");
  static final Setting NUM_CTX =
      Setting.of("OLLAMA_NUM_CTX", 4096, "The context window asked for (num_ctx), in tokens");
  static final Setting TIMEOUT_SECONDS =
      Setting.of(
          "OLLAMA_TIMEOUT_SECONDS",
          "30",
          "Connecting and waiting for the response headers, seconds");
  static final Setting TEMPERATURE =
      Setting.of(
          "OLLAMA_TEMPERATURE",
          "0.2",
          "Sampling temperature; low keeps answers close to the sources");
  static final Setting HEALTH_INTERVAL_SECONDS =
      Setting.of(
          "OLLAMA_HEALTH_INTERVAL_SECONDS",
          30,
          "How long readiness reports one probe of Ollama's model list before asking again");

  static final List<Setting> ALL =
      List.of(BASE_URL, MODEL, NUM_CTX, TIMEOUT_SECONDS, TEMPERATURE, HEALTH_INTERVAL_SECONDS);

  static OllamaSettings from(PluginConfig config) {
    String base = config.get(BASE_URL);
    return new OllamaSettings(
        URI.create(base.replaceAll("/+$", "") + "/"),
        config.get(MODEL),
        config.getInt(NUM_CTX),
        Duration.ofMillis(Math.round(1000 * config.getDouble(TIMEOUT_SECONDS))),
        config.getDouble(TEMPERATURE),
        Duration.ofSeconds(Math.max(0, config.getInt(HEALTH_INTERVAL_SECONDS))));
  }
}

package io.cogentx.plugins.generator.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.spi.PluginConfig;
import io.cogentx.spi.PluginHealth;
import io.cogentx.spi.PluginHealth.Status;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The generator's own readiness report, against the Ollama protocol double. */
class OllamaHealthTest {

  private final OllamaDouble ollama = OllamaDouble.start(0);

  @AfterEach
  void stop() {
    ollama.close();
  }

  private static OllamaHealth health(String baseUrl, String model, String interval) {
    return new OllamaHealth(
        OllamaSettings.from(
            PluginConfig.of(
                Map.of(
                    "OLLAMA_BASE_URL", baseUrl,
                    "OLLAMA_MODEL", model,
                    "OLLAMA_HEALTH_INTERVAL_SECONDS", interval))));
  }

  @Test
  void upWhenOllamaHoldsTheModel() {
    PluginHealth health = health(ollama.baseUrl(), "llama2", "0").get();

    assertThat(health.status()).isEqualTo(Status.UP);
    assertThat(health.data())
        .containsEntry("reachable", "true")
        .containsEntry("model_available", "true");
  }

  @Test
  void degradedWithThePullCommandWhenTheModelIsMissing() {
    ollama.model("mistral");
    PluginHealth health = health(ollama.baseUrl(), "llama2", "0").get();

    assertThat(health.status()).isEqualTo(Status.DEGRADED);
    assertThat(health.data()).containsEntry("model_available", "false");
    assertThat(health.message()).contains("ollama pull llama2");
  }

  @Test
  void degradedNotDownWhenOllamaDoesNotAnswer() {
    PluginHealth health = health("http://127.0.0.1:9", "llama2", "0").get();

    assertThat(health.status()).isEqualTo(Status.DEGRADED);
    assertThat(health.data()).containsEntry("reachable", "false");
    assertThat(health.message()).contains("extractive");
  }

  @Test
  void aProbeIsReportedForTheIntervalBeforeOllamaIsAskedAgain() {
    OllamaHealth health = health(ollama.baseUrl(), "llama2", "3600");
    assertThat(health.get().status()).isEqualTo(Status.UP);

    ollama.model("mistral");

    assertThat(health.get().status()).as("still the first probe's answer").isEqualTo(Status.UP);
    assertThat(health(ollama.baseUrl(), "llama2", "0").get().status()).isEqualTo(Status.DEGRADED);
  }
}

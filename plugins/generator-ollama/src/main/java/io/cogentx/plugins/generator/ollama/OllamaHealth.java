package io.cogentx.plugins.generator.ollama;

import io.cogentx.spi.PluginHealth;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether Ollama answers and holds the configured model (its {@code /api/tags} list); when it
 * answers without the model, the message carries the command that pulls it. Never {@code DOWN}:
 * without a model the server answers extractively, so Ollama being away must not take the server
 * out of a load balancer. Probed at most once per {@code OLLAMA_HEALTH_INTERVAL_SECONDS}.
 */
final class OllamaHealth {

  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  private final OllamaSettings settings;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private Instant checkedAt = Instant.EPOCH;
  private PluginHealth last;

  OllamaHealth(OllamaSettings settings) {
    this.settings = settings;
  }

  synchronized PluginHealth get() {
    if (last == null || !Instant.now().isBefore(checkedAt.plus(settings.healthInterval()))) {
      last = judge(probe());
      checkedAt = Instant.now();
    }
    return last;
  }

  /** The health for a probe's answer; {@code null} when Ollama did not answer. */
  PluginHealth judge(OllamaModels models) {
    String model = settings.model();
    Map<String, String> data = new LinkedHashMap<>();
    data.put("reachable", Boolean.toString(models != null));
    data.put("model", model);
    if (models == null) {
      return PluginHealth.degraded(
          "Ollama does not answer at "
              + settings.baseUrl()
              + "; answers are extractive until it does",
          data);
    }
    boolean pulled = models.has(model);
    data.put("model_available", Boolean.toString(pulled));
    if (!pulled) {
      return PluginHealth.degraded(
          "Ollama does not hold this model; answers are extractive until `ollama pull "
              + model
              + "` is run on the Ollama host",
          data);
    }
    return PluginHealth.up("Ollama holds " + model, data);
  }

  private OllamaModels probe() {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(settings.baseUrl().resolve("api/tags"))
              .timeout(TIMEOUT)
              .GET()
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? OllamaModels.parse(response.body()) : null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }
}

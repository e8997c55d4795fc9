package io.cogentx.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports whether Ollama answers at {@code OLLAMA_BASE_URL} and holds {@code OLLAMA_MODEL} (its
 * {@code /api/tags} list); when it answers without the model, the data carries the command that
 * pulls it. Always UP: without an LLM the server answers extractively, so Ollama being away must
 * not take the server out of a load balancer. Probed at most every {@code
 * OLLAMA_HEALTH_INTERVAL_SECONDS} (30).
 */
@Readiness
@ApplicationScoped
public class OllamaCheck implements HealthCheck {

  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  @Inject
  @ConfigProperty(name = "OLLAMA_BASE_URL", defaultValue = "http://localhost:11434")
  String baseUrl;

  @Inject
  @ConfigProperty(name = "OLLAMA_MODEL", defaultValue = "llama2")
  String model;

  /** How long one probe's answer is reported before Ollama is asked again. */
  @Inject
  @ConfigProperty(name = "OLLAMA_HEALTH_INTERVAL_SECONDS", defaultValue = "30")
  int intervalSeconds;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private volatile Instant checkedAt = Instant.EPOCH;

  /** The models of the last probe; {@code null} if Ollama did not answer. */
  private volatile OllamaModels models;

  @Override
  public HealthCheckResponse call() {
    if (!Instant.now().isBefore(checkedAt.plusSeconds(intervalSeconds))) {
      models = probe();
      checkedAt = Instant.now();
    }
    OllamaModels now = models;
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("ollama")
            .up()
            .withData("reachable", now != null)
            .withData("model", model);
    if (now != null) {
      boolean pulled = now.has(model);
      response.withData("model_available", pulled);
      if (!pulled) {
        response.withData(
            "hint",
            "Ollama does not hold this model; answers are extractive until `ollama pull "
                + model
                + "` is run on the Ollama host");
      }
    }
    return response.build();
  }

  private OllamaModels probe() {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/+$", "") + "/api/tags"))
              .timeout(TIMEOUT)
              .GET()
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? OllamaModels.parse(response.body()) : null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (java.io.IOException | IllegalArgumentException e) {
      return null;
    }
  }
}

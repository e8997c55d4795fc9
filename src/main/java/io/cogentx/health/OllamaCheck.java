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
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports whether Ollama answers at {@code OLLAMA_BASE_URL}. Always UP: without an LLM the server
 * answers extractively, so Ollama being away must not take the server out of a load balancer.
 * Probed at most every 30 s.
 */
@Readiness
@ApplicationScoped
public class OllamaCheck implements HealthCheck {

  private static final Duration CACHE = Duration.ofSeconds(30);
  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  @Inject
  @ConfigProperty(name = "OLLAMA_BASE_URL", defaultValue = "http://localhost:11434")
  String baseUrl;

  @Inject
  @ConfigProperty(name = "OLLAMA_MODEL", defaultValue = "llama2")
  String model;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private volatile Instant checkedAt = Instant.EPOCH;
  private volatile boolean reachable;

  @Override
  public HealthCheckResponse call() {
    if (Instant.now().isAfter(checkedAt.plus(CACHE))) {
      reachable = probe();
      checkedAt = Instant.now();
    }
    return HealthCheckResponse.named("ollama")
        .up()
        .withData("reachable", reachable)
        .withData("model", model)
        .build();
  }

  private boolean probe() {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/+$", "") + "/api/tags"))
              .timeout(TIMEOUT)
              .GET()
              .build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (java.io.IOException | IllegalArgumentException e) {
      return false;
    }
  }
}

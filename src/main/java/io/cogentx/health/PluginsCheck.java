package io.cogentx.health;

import io.cogentx.application.PluginRuntime;
import io.cogentx.spi.PluginHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * What the plugins in use say about the services they depend on (a model server, a program): for
 * each, {@code <name>} is {@code up|degraded|down}, {@code <name>.message} says why, and its
 * details follow as {@code <name>.<key>}. Down only when a plugin says it cannot work at all; a
 * degraded one (e.g. answers become extractive while the model server is away) keeps the server
 * ready.
 */
@Readiness
@ApplicationScoped
public class PluginsCheck implements HealthCheck {

  @Inject PluginRuntime plugins;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("plugins");
    boolean up = true;
    for (Map.Entry<String, PluginHealth> e : plugins.health().entrySet()) {
      String name = e.getKey();
      PluginHealth health = e.getValue();
      up &= health.status() != PluginHealth.Status.DOWN;
      response.withData(name, health.status().name().toLowerCase(Locale.ROOT));
      if (!health.message().isEmpty()) {
        response.withData(name + ".message", health.message());
      }
      health.data().forEach((key, value) -> response.withData(name + "." + key, value));
    }
    return response.status(up).build();
  }
}

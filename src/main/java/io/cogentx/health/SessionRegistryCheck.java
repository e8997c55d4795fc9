package io.cogentx.health;

import io.cogentx.session.SessionRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/** The session registry is up and answering. */
@Liveness
@Readiness
@Startup
@ApplicationScoped
public class SessionRegistryCheck implements HealthCheck {

  @Inject SessionRegistry registry;

  @Override
  public HealthCheckResponse call() {
    boolean running = registry.isRunning();
    return HealthCheckResponse.named("sessions")
        .status(running)
        .withData("active", running ? registry.size() : 0)
        .build();
  }
}

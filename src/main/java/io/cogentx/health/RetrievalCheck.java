package io.cogentx.health;

import io.cogentx.knowledge.RetrievalRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/** The embedding model is loaded and the index backend is available: documents and search work. */
@Readiness
@Startup
@ApplicationScoped
public class RetrievalCheck implements HealthCheck {

  @Inject RetrievalRuntime runtime;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("retrieval");
    if (!runtime.ready()) {
      return response
          .down()
          .withData("reason", runtime.failure() == null ? "loading" : runtime.failure())
          .build();
    }
    return response
        .up()
        .withData("embedding_model", runtime.embedder().modelName())
        .withData("dimension", runtime.embedder().dimension())
        .withData("index_backend", runtime.backend().name())
        .withData("embedding_batches_waiting", runtime.embedder().waiting())
        .withData(
            "loaders",
            String.join(", ", runtime.plugins().loaders().stream().map(l -> l.name()).toList()))
        .build();
  }
}

package io.cogentx.health;

import io.cogentx.application.RetrievalRuntime;
import io.cogentx.application.RetrievalSettings;
import io.cogentx.retrieval.Loaders;
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
  @Inject RetrievalSettings settings;

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
        .withData("index_backend", settings.vectorBackend())
        .withData("embedding_batches_waiting", runtime.embedder().waiting())
        .withData(
            "loaders",
            String.join(", ", runtime.loaders().all().stream().map(Loaders.Named::name).toList()))
        .build();
  }
}

package io.cogentx.api;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The seed's health endpoint: the readiness checks of MicroProfile Health ({@code /health/ready})
 * in the seed's shape. Needs no session.
 */
@Path("health")
@Tag(name = "Health")
public class HealthResource {

  /** One check's outcome. */
  public record Check(String name, String status, Map<String, Object> data) {}

  /** Overall status: {@code healthy} when every readiness check is up. */
  public record Health(String status, List<Check> checks) {}

  @Inject @Any @Readiness Instance<HealthCheck> readiness;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Readiness of the server (same checks as /health/ready)")
  public Response health() {
    List<Check> checks =
        readiness.stream().map(HealthCheck::call).map(HealthResource::check).toList();
    boolean up = checks.stream().allMatch(c -> c.status().equals("UP"));
    return Response.status(up ? 200 : 503)
        .entity(new Health(up ? "healthy" : "unhealthy", checks))
        .build();
  }

  private static Check check(HealthCheckResponse r) {
    Map<String, Object> data = new LinkedHashMap<>();
    r.getData().ifPresent(data::putAll);
    return new Check(r.getName(), r.getStatus().name(), data);
  }
}

package io.cogentx.api;

import io.cogentx.problem.ProblemType;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Guards the admin API with a bearer token ({@code ADMIN_TOKEN}). With no token configured the
 * admin API is off (403), so a default install never exposes it.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminFilter implements ContainerRequestFilter {

  @Inject
  @ConfigProperty(name = "ADMIN_TOKEN")
  Optional<String> adminToken;

  @Override
  public void filter(ContainerRequestContext request) {
    String expected = adminToken.map(String::strip).filter(t -> !t.isEmpty()).orElse(null);
    if (expected == null) {
      throw ProblemType.ADMIN_DISABLED.exception(
          "The admin API is disabled because no ADMIN_TOKEN is configured. Set ADMIN_TOKEN on the"
              + " server and send it as 'Authorization: Bearer <token>'.");
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    String given =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? header.substring(7).strip()
            : "";
    if (!MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
      throw ProblemType.UNAUTHORIZED.exception(
          "Send the admin token as 'Authorization: Bearer <ADMIN_TOKEN>'.");
    }
  }
}

package io.cogentx.api;

import io.cogentx.session.Session;
import io.cogentx.session.SessionRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators' view of the sessions: counts and sizes, never ids or content. */
@Path("admin/sessions")
@AdminOnly
@Tag(name = "Admin")
@SecurityScheme(
    securitySchemeName = "adminToken",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "The server's ADMIN_TOKEN")
public class AdminResource {

  /** One session as an operator sees it. */
  public record SessionSummary(
      String sessionHash,
      Instant createdAt,
      Instant lastAccess,
      long documents,
      long chunks,
      long bytes) {

    static SessionSummary of(Session s) {
      return new SessionSummary(
          s.hash(), s.created(), s.lastAccess(), s.documents(), s.chunks(), s.bytes());
    }
  }

  /** All sessions. */
  public record SessionsView(int count, double idleTimeoutHours, List<SessionSummary> sessions) {}

  @Inject SessionRegistry registry;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "List sessions (hashed ids, counts, sizes; never content)")
  @SecurityRequirement(name = "adminToken")
  public SessionsView listSessions() {
    List<SessionSummary> sessions =
        registry.snapshot().stream()
            .map(SessionSummary::of)
            .sorted(Comparator.comparing(SessionSummary::lastAccess).reversed())
            .toList();
    return new SessionsView(
        sessions.size(), registry.idleTimeout().toMillis() / 3_600_000d, sessions);
  }
}

package io.cogentx.api;

import io.cogentx.application.DocumentService;
import io.cogentx.retrieval.KnowledgeBase;
import io.cogentx.session.Session;
import io.cogentx.session.SessionRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own session. */
@Path("session")
@SessionBound
@Tag(name = "Session")
public class SessionResource {

  /**
   * What {@code GET /session/info} returns (the seed's shape, plus expiry, and what is still being
   * added while documents are being indexed).
   */
  public record SessionInfo(
      String sessionId,
      long totalDocuments,
      long totalChunks,
      Instant createdAt,
      Instant lastAccess,
      Instant expiresAt,
      KnowledgeBase.Indexing indexing) {}

  @Inject CurrentSession current;
  @Inject SessionRegistry registry;
  @Inject DocumentService documents;

  @GET
  @Path("info")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "What this session holds and when it expires")
  public SessionInfo sessionInfo() {
    Session s = current.get();
    return new SessionInfo(
        s.id().value(),
        s.documents(),
        s.chunks(),
        s.created(),
        s.lastAccess(),
        s.lastAccess().plus(registry.idleTimeout()),
        documents.indexing(s).orElse(null));
  }

  @DELETE
  @Operation(summary = "Delete all of this session's data now")
  @APIResponse(responseCode = "204", description = "Deleted")
  public void deleteSession() {
    registry.delete(current.get().id());
  }
}

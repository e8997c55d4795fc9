package io.cogentx.api;

import io.cogentx.application.DocumentService;
import io.cogentx.retrieval.DocumentInfo;
import io.cogentx.retrieval.KnowledgeBase;
import io.cogentx.retrieval.SessionArchive;
import io.cogentx.session.Session;
import io.cogentx.session.SessionRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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

  /** What {@code POST /session/import} returns: the documents added. */
  public record Imported(int imported, List<DocumentInfo> documents) {}

  @Inject CurrentSession current;
  @Inject SessionRegistry registry;
  @Inject DocumentService documents;

  @GET
  @Path("export")
  @Produces(SessionArchive.MEDIA_TYPE)
  @Operation(
      summary = "This session as one archive to take away",
      description =
          "A versioned ZIP (manifest.json, documents/ID.json with chunks and vectors, files/ID as"
              + " uploaded) that POST /api/v1/session/import restores, here or on another server.")
  @APIResponse(responseCode = "200", description = "The archive")
  public Response export() {
    Session s = current.get();
    StreamingOutput body = out -> documents.export(s, out);
    return Response.ok(body, SessionArchive.MEDIA_TYPE)
        .header(
            "Content-Disposition", "attachment; filename=\"cogentx-session-" + s.hash() + ".zip\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  @POST
  @Path("import")
  @Consumes({SessionArchive.MEDIA_TYPE, MediaType.APPLICATION_OCTET_STREAM})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add the documents of an exported archive to this session",
      description =
          "Checks the format version, every size against this server's limits and the embedding"
              + " model: an archive made with another model is refused (409) unless"
              + " ?reembed=true, which embeds its text again.")
  @APIResponse(responseCode = "201", description = "Imported")
  @APIResponse(responseCode = "409", description = "Made with another embedding model")
  @APIResponse(responseCode = "422", description = "Not a valid archive, or over the limits")
  public Response importArchive(
      @QueryParam("reembed") @Parameter(description = "embed again if the model differs")
          boolean reembed,
      InputStream archive)
      throws IOException {
    List<DocumentInfo> added = documents.importArchive(current.get(), archive, reembed);
    return Response.status(Response.Status.CREATED)
        .entity(new Imported(added.size(), added))
        .build();
  }

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

package io.cogentx.api;

import io.cogentx.api.problem.ProblemResponses;
import io.cogentx.application.DocumentService;
import io.cogentx.application.IngestService;
import io.cogentx.jobs.Job;
import io.cogentx.jobs.JobView;
import io.cogentx.problem.ProblemType;
import io.cogentx.retrieval.DisplayNames;
import io.cogentx.retrieval.DocumentInfo;
import io.cogentx.spi.DocumentException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's documents: add (file upload or pasted text), list, delete. */
@Path("documents")
@SessionBound
@Tag(name = "Documents")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource {

  /** Pasted text. */
  public record TextDocument(String title, String text) {}

  /** The upload form, for the OpenAPI document. */
  @Schema(name = "UploadForm")
  public static class UploadForm {
    @Schema(
        type = SchemaType.STRING,
        format = "binary",
        description = "the document",
        required = true)
    public String file;

    @Schema(description = "a title (default: the document's own, else the file name)")
    public String title;

    @Schema(description = "password of an encrypted PDF")
    public String password;
  }

  /** The longest {@code ?wait=true} waits for its job before answering 202 with it. */
  static final long MAX_WAIT_MINUTES = 15;

  /** The session's documents. */
  public record DocumentList(int totalDocuments, long totalChunks, List<DocumentInfo> documents) {}

  @Inject CurrentSession current;
  @Inject DocumentService documents;
  @Inject IngestService jobs;
  @jakarta.ws.rs.core.Context UriInfo uri;

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary = "Upload a file (form field 'file'; optional 'title', 'password')",
      description =
          "Answers 202 with an upload job once the file is stored; the job reads, chunks, embeds"
              + " and indexes it in the background (GET /api/v1/jobs/{id}, or its live events)."
              + " With ?wait=true the call waits for the job and answers 201 with the document,"
              + " or the job's problem. Formats come from loader plugins (GET /api/v1/plugins).")
  @APIResponse(
      responseCode = "202",
      description = "Stored; the job reads it in the background",
      content = @Content(schema = @Schema(implementation = JobView.class)))
  @APIResponse(
      responseCode = "201",
      description = "With ?wait=true: indexed",
      content = @Content(schema = @Schema(implementation = DocumentInfo.class)))
  @APIResponse(responseCode = "413", description = "Over MAX_UPLOAD_MEGABYTES")
  @APIResponse(responseCode = "415", description = "No loader reads this type")
  @APIResponse(
      responseCode = "422",
      description = "The session holds its maximum of documents (with ?wait=true: unreadable)")
  @APIResponse(
      responseCode = "503",
      description = "Too many uploads waiting on the server; retry after Retry-After seconds")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.MULTIPART_FORM_DATA,
              schema = @Schema(implementation = UploadForm.class)))
  public void uploadDocument(
      @FormParam("file") EntityPart file,
      @FormParam("title") String title,
      @FormParam("password") String password,
      @Parameter(description = "wait for the document to be indexed and answer 201")
          @QueryParam("wait")
          boolean wait,
      @Suspended AsyncResponse response)
      throws IOException, DocumentException {
    if (file == null) {
      throw ProblemType.BAD_REQUEST.exception(
          "Send the document as multipart/form-data in a field named 'file'.");
    }
    Map<String, String> options = new HashMap<>();
    if (password != null && !password.isEmpty()) {
      options.put("password", password);
    }
    String mediaType = file.getMediaType() == null ? null : file.getMediaType().toString();
    String fileName = file.getFileName().map(DisplayNames::fileName).orElse(null);
    Job job;
    try (InputStream content = file.getContent()) {
      job =
          jobs.submit(
              current.get(), content, fileName, mediaType, DisplayNames.title(title), options);
    }
    respond(job, wait, response);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add pasted text as a document: {title, text}",
      description = "202 with an upload job, or with ?wait=true 201 with the document.")
  @APIResponse(
      responseCode = "202",
      description = "Stored; the job indexes it in the background",
      content = @Content(schema = @Schema(implementation = JobView.class)))
  @APIResponse(
      responseCode = "201",
      description = "With ?wait=true: indexed",
      content = @Content(schema = @Schema(implementation = DocumentInfo.class)))
  public void addText(
      TextDocument document,
      @Parameter(description = "wait for the document to be indexed and answer 201")
          @QueryParam("wait")
          boolean wait,
      @Suspended AsyncResponse response)
      throws IOException, DocumentException {
    if (document == null || document.text() == null || document.text().isBlank()) {
      throw ProblemType.UNPROCESSABLE.exception(
          "Send {\"title\": \"...\", \"text\": \"...\"} with some text in 'text'.");
    }
    byte[] bytes = document.text().getBytes(StandardCharsets.UTF_8);
    Job job =
        jobs.submit(
            current.get(),
            new ByteArrayInputStream(bytes),
            null,
            "text/plain",
            DisplayNames.title(document.title()),
            Map.of());
    respond(job, wait, response);
  }

  @GET
  @Operation(summary = "This session's documents")
  public DocumentList listDocuments() throws IOException {
    List<DocumentInfo> all = documents.list(current.get());
    return new DocumentList(all.size(), all.stream().mapToLong(DocumentInfo::chunks).sum(), all);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One document of this session")
  public DocumentInfo getDocument(@PathParam("id") String id) throws IOException {
    return documents.find(current.get(), id).orElseThrow(() -> notFound(id));
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Delete one document and its chunks")
  @APIResponse(responseCode = "204", description = "Deleted")
  public void deleteDocument(@PathParam("id") String id) throws IOException {
    documents.remove(current.get(), id).orElseThrow(() -> notFound(id));
  }

  /**
   * 202 with the job at once; with {@code wait}, the answer the synchronous API gave, once the job
   * ends. The request thread is not held while waiting (the job runs on the managed executor); a
   * wait longer than {@value #MAX_WAIT_MINUTES} minutes answers 202 with the job instead.
   */
  private void respond(Job job, boolean wait, AsyncResponse response) {
    URI base = uri.getBaseUri();
    if (!wait) {
      response.resume(accepted(job, base));
      return;
    }
    String path = uri.getRequestUri().getRawPath();
    response.setTimeoutHandler(r -> r.resume(accepted(job, base)));
    response.setTimeout(MAX_WAIT_MINUTES, TimeUnit.MINUTES);
    job.end()
        .whenCompleteAsync(
            (ended, failure) -> response.resume(whenEnded(job, ended, base, path)),
            jobs.executor());
  }

  private static Response accepted(Job job, URI base) {
    URI location = UriBuilder.fromUri(base).path("jobs").path(job.id()).build();
    return Response.accepted(job.view()).location(location).build();
  }

  /** As the synchronous API answered: 201 with the document, or the job's problem. */
  private static Response whenEnded(Job job, JobView ended, URI base, String path) {
    return switch (job.state()) {
      case SUCCEEDED -> {
        URI location =
            UriBuilder.fromUri(base).path("documents").path(ended.document().id()).build();
        yield Response.created(location).entity(ended.document()).build();
      }
      case FAILED -> ProblemResponses.of(job.problem().at(path)).build();
      default ->
          ProblemResponses.of(
                  ProblemType.JOB_CANCELLED
                      .with("The upload was cancelled before it was indexed; nothing was added.")
                      .at(path))
              .build();
    };
  }

  private static RuntimeException notFound(String id) {
    return ProblemType.NOT_FOUND.exception(
        "This session has no document with id '"
            + (id.length() > 40 ? id.substring(0, 40) + "…" : id)
            + "'. GET /api/v1/documents lists them.");
  }
}

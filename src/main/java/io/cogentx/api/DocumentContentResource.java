package io.cogentx.api;

import io.cogentx.api.problem.ProblemResponses;
import io.cogentx.application.DocumentService;
import io.cogentx.application.DocumentService.StoredFile;
import io.cogentx.problem.ProblemType;
import io.cogentx.spi.KeptFile;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A document's file as it was uploaded, for showing the cited page or playing a recording from the
 * cited second: one byte range at a time ({@code Range}), so players and PDF viewers can seek. The
 * file is only ever displayed, never run: it is served with a sandboxing content security policy,
 * and as an attachment unless it is a PDF, audio, video or plain text.
 */
@Path("documents/{id}/content")
@SessionBound
@Tag(name = "Documents")
public class DocumentContentResource {

  @Inject CurrentSession current;
  @Inject DocumentService documents;

  @GET
  @SessionQueryParameter
  @Operation(
      summary = "The document's file as uploaded (byte ranges supported)",
      description =
          "For viewers and players that cannot send X-Session-Id (an <audio> element), the"
              + " session may be passed as ?session_id=.")
  @Parameter(
      name = SessionQueryParameter.NAME,
      in = ParameterIn.QUERY,
      description = SessionQueryParameter.DESCRIPTION,
      schema = @Schema(type = SchemaType.STRING, format = "uuid"))
  @APIResponse(responseCode = "200", description = "The whole file")
  @APIResponse(responseCode = "206", description = "The requested byte range")
  @APIResponse(responseCode = "404", description = "No such document, or its file is not kept")
  @APIResponse(responseCode = "416", description = "The range lies outside the file")
  public Response content(@PathParam("id") String id, @HeaderParam("Range") String range)
      throws IOException {
    StoredFile stored =
        documents
            .file(current.get(), id)
            .orElseThrow(
                () ->
                    ProblemType.NOT_FOUND.exception(
                        "This session has no document with that id, or its file is not kept."
                            + " GET /api/v1/documents lists them."));
    long size = stored.file().size();
    Response.ResponseBuilder response =
        switch (ByteRange.of(range, size)) {
          case ByteRange.Whole whole ->
              Response.ok(bytes(stored, 0, size)).header(HttpHeaders.CONTENT_LENGTH, size);
          case ByteRange.Part part ->
              Response.status(Response.Status.PARTIAL_CONTENT)
                  .entity(bytes(stored, part.range().first(), part.range().length()))
                  .header(HttpHeaders.CONTENT_LENGTH, part.range().length())
                  .header("Content-Range", part.range().contentRange(size));
          case ByteRange.Unsatisfiable none -> throw new RangeException(size);
        };
    String type = mediaType(stored);
    return response
        .type(type)
        .header("Accept-Ranges", "bytes")
        .header("Content-Disposition", disposition(type, stored))
        .header("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'")
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
        .build();
  }

  /** A range outside the file: 416 with the file's size. */
  static final class RangeException extends jakarta.ws.rs.WebApplicationException {
    private static final long serialVersionUID = 1L;

    RangeException(long size) {
      super(
          ProblemResponses.of(
                  ProblemType.RANGE_NOT_SATISFIABLE.with(
                      "The file has " + size + " bytes; ask for a range within them.",
                      Map.of("size", size)))
              .header("Content-Range", "bytes */" + size)
              .build());
    }
  }

  private static String mediaType(StoredFile stored) {
    String type = stored.document().mediaType();
    return type == null ? "application/octet-stream" : type;
  }

  /** Inline for what browsers only display; anything else (HTML, SVG, …) is downloaded. */
  static String disposition(String type, StoredFile stored) {
    String t = type.toLowerCase(Locale.ROOT);
    boolean inline =
        t.equals("application/pdf")
            || t.startsWith("audio/")
            || t.startsWith("video/")
            || t.equals("text/plain");
    String name = stored.document().fileName() == null ? "document" : stored.document().fileName();
    return (inline ? "inline" : "attachment")
        + "; filename*=UTF-8''"
        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static StreamingOutput bytes(StoredFile stored, long from, long length) {
    return out -> copy(stored.file(), from, length, out);
  }

  private static void copy(KeptFile file, long from, long length, OutputStream out)
      throws IOException {
    try (InputStream in = file.open(from)) {
      byte[] buffer = new byte[64 * 1024];
      long left = length;
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          break;
        }
        out.write(buffer, 0, n);
        left -= n;
      }
    }
  }
}

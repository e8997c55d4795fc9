package io.cogentx.api;

import io.cogentx.application.DocumentService;
import io.cogentx.application.RetrievalSettings;
import io.cogentx.retrieval.KnowledgeBase;
import io.cogentx.retrieval.SearchMode;
import io.cogentx.session.Session;
import io.cogentx.spi.Chunk;
import io.cogentx.spi.ScoredChunk;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Search in the caller's documents only. */
@Path("search")
@SessionBound
@Tag(name = "Search")
public class SearchResource {

  /** A query: {@code k} defaults to 5, {@code mode} to hybrid. */
  public record SearchRequest(String query, Integer k, String mode) {}

  /** One hit, with where it came from. */
  public record Hit(
      int rank,
      double score,
      String documentId,
      String title,
      int position,
      String text,
      int startOffset,
      int endOffset,
      Integer page,
      Double startSeconds,
      Double endSeconds) {

    static Hit of(int rank, ScoredChunk hit) {
      Chunk c = hit.chunk();
      return new Hit(
          rank,
          hit.score(),
          c.documentId(),
          c.title(),
          c.position(),
          c.text(),
          c.startOffset(),
          c.endOffset(),
          c.page(),
          c.startSeconds(),
          c.endSeconds());
    }
  }

  /**
   * The ranked hits; {@code indexing} (only while documents are being added) says how much is not
   * yet found by vector search.
   */
  public record SearchResponse(
      String query, String mode, int k, List<Hit> results, KnowledgeBase.Indexing indexing) {}

  private static final String QUERY_USAGE =
      "Send {\"query\": \"...\"} with a non-empty query (optional: k, mode).";

  @Inject CurrentSession current;
  @Inject DocumentService documents;
  @Inject RetrievalSettings settings;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Ranked chunks of this session's documents for a query")
  public SearchResponse search(SearchRequest request) throws IOException {
    String query =
        RetrievalParameters.text(request == null ? null : request.query(), "query", QUERY_USAGE);
    int k = RetrievalParameters.k(request.k(), settings.searchMaxK());
    SearchMode mode = RetrievalParameters.mode(request.mode());
    Session session = current.get();
    List<ScoredChunk> hits = documents.search(session, query, k, mode);
    List<Hit> results = new ArrayList<>(hits.size());
    for (int i = 0; i < hits.size(); i++) {
      results.add(Hit.of(i + 1, hits.get(i)));
    }
    return new SearchResponse(
        request.query(), mode.label(), k, results, documents.indexing(session).orElse(null));
  }
}

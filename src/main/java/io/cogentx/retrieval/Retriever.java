package io.cogentx.retrieval;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.Embedder;
import io.cogentx.spi.ScoredChunk;
import io.cogentx.spi.SessionIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Answers a query against one session's index: BM25, nearest vectors, or both fused. For hybrid
 * search each method contributes its top {@code candidates} hits before fusion, so a chunk ranked
 * modestly by both can still rise above one ranked well by only one.
 *
 * <p>The default fusion is an equal-weight convex combination of min-max normalised scores over the
 * top 200 of each method: of the reciprocal-rank and convex settings swept on development data
 * (SciFact train claims, SQuAD development articles; docs/benchmarks.md), the one with the highest
 * mean of SciFact nDCG@10 and SQuAD recall@1 ({@code bench/results/fusion-choice.json}). Its test
 * figures are in the README's results table.
 */
public final class Retriever {

  public static final int DEFAULT_CANDIDATES = 200;

  /** Weight of the vector scores in the default fusion (the keyword scores get the rest). */
  public static final double DEFAULT_VECTOR_WEIGHT = 0.5;

  private final Embedder embedder;
  private final RankFusion fusion;
  private final int candidates;

  public Retriever(Embedder embedder, RankFusion fusion, int candidates) {
    if (candidates < 1) {
      throw new IllegalArgumentException("candidates must be positive: " + candidates);
    }
    this.embedder = embedder;
    this.fusion = fusion;
    this.candidates = candidates;
  }

  public Retriever(Embedder embedder) {
    this(embedder, new ConvexCombinationFusion(DEFAULT_VECTOR_WEIGHT), DEFAULT_CANDIDATES);
  }

  /**
   * What a question found: the {@code k} best chunks in the mode asked for, the raw lists behind
   * them (BM25 scores, cosine similarities, best first; their chunks possibly without text, see
   * {@link SessionIndex#keywordCandidates}) and the searched index's vocabulary, which together
   * tell how strong the evidence is.
   */
  public record Retrieval(
      List<ScoredChunk> hits,
      List<ScoredChunk> keyword,
      List<ScoredChunk> vector,
      Vocabulary vocabulary) {

    /** Without a vocabulary ({@link Vocabulary#NONE}). */
    public Retrieval(List<ScoredChunk> hits, List<ScoredChunk> keyword, List<ScoredChunk> vector) {
      this(hits, keyword, vector, Vocabulary.NONE);
    }

    /** Cosine similarity of the nearest chunk, 0 if there is none. */
    public double bestCosine() {
      return vector.isEmpty() ? 0 : vector.get(0).score();
    }
  }

  /**
   * Like {@link #search}, but always runs both methods (for an answer's evidence), whatever the
   * mode.
   */
  public Retrieval retrieve(SessionIndex index, String query, int k, SearchMode mode)
      throws IOException {
    return retrieve(index, query, k, mode, chunk -> true);
  }

  /**
   * Like {@link #retrieve(SessionIndex, String, int, SearchMode)} on an index still being filled:
   * of the best {@code min(k, }{@value #EMBEDDED_ON_DEMAND}{@code )} hits, those without a vector
   * yet ({@code embedded} false) are embedded now, their similarity to the query joins the vector
   * list and the hits are fused again. A question asked while a document is embedded so gets the
   * evidence of the passages it found by keyword at once, not when their turn to be embedded comes.
   */
  public Retrieval retrieve(
      SessionIndex index, String query, int k, SearchMode mode, Predicate<Chunk> embedded)
      throws IOException {
    EmbeddingMismatchException.requireCompatible(index.spec(), embedder);
    if (k < 1 || query.isBlank() || index.size() == 0) {
      return new Retrieval(List.of(), List.of(), List.of());
    }
    int depth = Math.max(k, candidates);
    // the candidates may come without their text; only the k hits kept are read whole
    List<ScoredChunk> keyword = index.keywordCandidates(query, depth);
    float[] queryVector = embedder.embedQuery(query);
    List<ScoredChunk> vector = index.vectorCandidates(queryVector, depth);
    List<ScoredChunk> best = index.withText(first(k, rank(mode, keyword, vector)));
    List<Chunk> waiting =
        best.stream()
            .limit(Math.min(k, EMBEDDED_ON_DEMAND))
            .map(ScoredChunk::chunk)
            .filter(embedded.negate())
            .toList();
    if (!waiting.isEmpty()) {
      vector = withSimilarities(vector, waiting, queryVector);
      best = index.withText(first(k, rank(mode, keyword, vector)));
    }
    return new Retrieval(best, keyword, vector, Vocabulary.of(index));
  }

  private static List<ScoredChunk> first(int k, List<ScoredChunk> hits) {
    return hits.size() > k ? List.copyOf(hits.subList(0, k)) : hits;
  }

  /** Most hits of one question embedded on demand while their document is being embedded. */
  public static final int EMBEDDED_ON_DEMAND = 5;

  private List<ScoredChunk> rank(
      SearchMode mode, List<ScoredChunk> keyword, List<ScoredChunk> vector) {
    return switch (mode) {
      case KEYWORD -> keyword;
      case VECTOR -> vector;
      case HYBRID -> fusion.fuse(keyword, vector);
    };
  }

  /**
   * {@code vector} with the cosine similarities of {@code chunks} to the query added, best first.
   */
  private List<ScoredChunk> withSimilarities(
      List<ScoredChunk> vector, List<Chunk> chunks, float[] queryVector) {
    float[][] vectors = embedder.embed(chunks.stream().map(Chunk::text).toList());
    List<ScoredChunk> out = new ArrayList<>(vector);
    for (int i = 0; i < chunks.size(); i++) {
      out.add(new ScoredChunk(chunks.get(i), (float) cosine(queryVector, vectors[i])));
    }
    out.sort(Comparator.comparingDouble((ScoredChunk h) -> -h.score()));
    return List.copyOf(out);
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  /** The {@code k} best chunks for {@code query}, best first. */
  public List<ScoredChunk> search(SessionIndex index, String query, int k, SearchMode mode)
      throws IOException {
    EmbeddingMismatchException.requireCompatible(index.spec(), embedder);
    if (k < 1 || query.isBlank() || index.size() == 0) {
      return List.of();
    }
    return switch (mode) {
      case KEYWORD -> index.keywordSearch(query, k);
      case VECTOR -> index.vectorSearch(embedder.embedQuery(query), k);
      case HYBRID -> retrieve(index, query, k, mode).hits();
    };
  }
}

package io.cogentx.retrieval;

import io.cogentx.spi.Embedder;
import io.cogentx.spi.ScoredChunk;
import io.cogentx.spi.SessionIndex;
import java.io.IOException;
import java.util.List;

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
   * them (BM25 scores, cosine similarities, best first) and the searched index's vocabulary, which
   * together tell how strong the evidence is.
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
    EmbeddingMismatchException.requireCompatible(index.spec(), embedder);
    if (k < 1 || query.isBlank() || index.size() == 0) {
      return new Retrieval(List.of(), List.of(), List.of());
    }
    int depth = Math.max(k, candidates);
    List<ScoredChunk> keyword = index.keywordSearch(query, depth);
    List<ScoredChunk> vector = index.vectorSearch(embedder.embedQuery(query), depth);
    List<ScoredChunk> hits =
        switch (mode) {
          case KEYWORD -> keyword;
          case VECTOR -> vector;
          case HYBRID -> fusion.fuse(keyword, vector);
        };
    return new Retrieval(
        hits.size() > k ? List.copyOf(hits.subList(0, k)) : hits,
        keyword,
        vector,
        Vocabulary.of(index));
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

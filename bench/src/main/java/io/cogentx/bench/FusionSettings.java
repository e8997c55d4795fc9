package io.cogentx.bench;

import io.cogentx.retrieval.ConvexCombinationFusion;
import io.cogentx.retrieval.RankFusion;
import io.cogentx.retrieval.ReciprocalRankFusion;
import io.cogentx.retrieval.Retriever;
import io.cogentx.spi.Embedder;
import java.util.Locale;

/**
 * How hybrid search fuses its two lists: reciprocal rank fusion ({@code rrf}, with its rank
 * constant and per-list weights) or a convex combination of normalised scores ({@code convex}, with
 * the vector weight {@code alpha}), and how many candidates each list contributes.
 */
record FusionSettings(
    String method,
    int rrfK,
    double keywordWeight,
    double vectorWeight,
    double alpha,
    int candidates) {

  static final String RRF = "rrf";
  static final String CONVEX = "convex";

  FusionSettings {
    if (!method.equals(RRF) && !method.equals(CONVEX)) {
      throw new IllegalArgumentException("fusion must be rrf or convex: " + method);
    }
  }

  /** What the server uses: {@code new Retriever(embedder)}. */
  static FusionSettings shipping() {
    return new FusionSettings(
        CONVEX,
        ReciprocalRankFusion.DEFAULT_K,
        1.0,
        1.0,
        Retriever.DEFAULT_VECTOR_WEIGHT,
        Retriever.DEFAULT_CANDIDATES);
  }

  static FusionSettings rrf(int k, double keywordWeight, double vectorWeight, int candidates) {
    return new FusionSettings(RRF, k, keywordWeight, vectorWeight, 0.5, candidates);
  }

  static FusionSettings convex(double alpha, int candidates) {
    return new FusionSettings(CONVEX, ReciprocalRankFusion.DEFAULT_K, 1.0, 1.0, alpha, candidates);
  }

  RankFusion rankFusion() {
    return method.equals(RRF)
        ? new ReciprocalRankFusion(rrfK, keywordWeight, vectorWeight)
        : new ConvexCombinationFusion(alpha);
  }

  Retriever retriever(Embedder embedder) {
    return new Retriever(embedder, rankFusion(), candidates);
  }

  /** A short name for result files, e.g. {@code rrf_k60_w1:1_c50} or {@code convex_a0.3_c50}. */
  String label() {
    return method.equals(RRF)
        ? String.format(
            Locale.ROOT,
            "rrf_k%d_w%s:%s_c%d",
            rrfK,
            number(keywordWeight),
            number(vectorWeight),
            candidates)
        : String.format(Locale.ROOT, "convex_a%s_c%d", number(alpha), candidates);
  }

  private static String number(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%s", value);
  }
}

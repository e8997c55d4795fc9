package io.cogentx.answer;

import io.cogentx.retrieval.Retriever.Retrieval;
import io.cogentx.spi.ScoredChunk;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether the retrieved passages can answer a question at all, before any model is asked.
 * Two signals, both measured on SQuAD (see README, Answers): the cosine similarity of the nearest
 * chunk to the question ({@code cosine}), and the share of the question's content words found in
 * the best-matching passage ({@code coverage}). The question is answered when {@code cosine +
 * coverageWeight × coverage ≥ threshold}; a bare score threshold cannot tell "about the same topic"
 * from "says this".
 *
 * @param threshold the least combined evidence
 * @param coverageWeight how much word coverage counts against cosine similarity
 */
public record AbstentionPolicy(double threshold, double coverageWeight) {

  /** Calibrated on SQuAD v1.1 dev with all-MiniLM-L6-v2 (bench AnswerBench). */
  public static final AbstentionPolicy CALIBRATED = new AbstentionPolicy(0.80, 0.60);

  /** The evidence for a question. */
  public record Evidence(double cosine, double coverage) {

    double combined(double coverageWeight) {
      return cosine + coverageWeight * coverage;
    }
  }

  /** Whether to say "not in your documents" instead of answering. */
  public boolean abstains(Evidence evidence) {
    return evidence.combined(coverageWeight) < threshold;
  }

  /** The evidence {@code retrieval} holds for {@code question}. */
  public static Evidence evidence(String question, Retrieval retrieval) {
    return new Evidence(retrieval.bestCosine(), coverage(Terms.of(question), retrieval.hits()));
  }

  /**
   * The largest share of {@code terms} any one of the first passages contains (0 when the question
   * has no content words or nothing was found).
   */
  static double coverage(List<String> terms, List<ScoredChunk> hits) {
    if (terms.isEmpty()) {
      return 0;
    }
    double best = 0;
    for (ScoredChunk hit : hits.subList(0, Math.min(3, hits.size()))) {
      Set<String> words = new HashSet<>(Terms.of(hit.chunk().text()));
      if (hit.chunk().title() != null) {
        words.addAll(Terms.of(hit.chunk().title()));
      }
      long found = terms.stream().filter(words::contains).count();
      best = Math.max(best, (double) found / terms.size());
    }
    return best;
  }
}

package io.cogentx.answer;

import io.cogentx.retrieval.Retriever.Retrieval;
import io.cogentx.retrieval.SentenceSplitter;
import io.cogentx.spi.ScoredChunk;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether the retrieved passages can answer a question at all, before any model is asked.
 * Two signals, both measured on SQuAD (bench {@code AnswerBench}, README "Answers"): the cosine
 * similarity of the nearest chunk to the question ({@code cosine}: "about the same topic"), and the
 * largest share of the question's content words found together in one sentence of the first three
 * passages ({@code coverage}: "says this"; an answer is usually stated in one sentence, while a
 * question about something else meets its words scattered, if at all). The question is answered
 * when {@code cosine + coverageWeight × coverage ≥ threshold}. Neither signal alone separates
 * answerable from unanswerable questions well (cosine alone: 74 % abstention on unanswerable at 5 %
 * on answerable).
 *
 * @param threshold the least combined evidence
 * @param coverageWeight how much word coverage counts against cosine similarity
 */
public record AbstentionPolicy(double threshold, double coverageWeight) {

  /** Calibrated on SQuAD v1.1 dev with all-MiniLM-L6-v2 and hybrid retrieval (AnswerBench). */
  public static final AbstentionPolicy CALIBRATED = new AbstentionPolicy(0.69, 0.60);

  /** How many of the best passages are searched for a covering sentence. */
  static final int PASSAGES = 3;

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
   * The largest share of {@code terms} found in one sentence (with its document's title) of the
   * first {@value #PASSAGES} passages; 0 when the question has no content words or nothing was
   * found.
   */
  static double coverage(List<String> terms, List<ScoredChunk> hits) {
    if (terms.isEmpty()) {
      return 0;
    }
    SentenceSplitter splitter = new SentenceSplitter();
    double best = 0;
    for (ScoredChunk hit : hits.subList(0, Math.min(PASSAGES, hits.size()))) {
      Set<String> title =
          hit.chunk().title() == null ? Set.of() : new HashSet<>(Terms.of(hit.chunk().title()));
      for (String sentence : splitter.sentences(hit.chunk().text())) {
        Set<String> words = new HashSet<>(Terms.of(sentence));
        words.addAll(title);
        long found = terms.stream().filter(words::contains).count();
        best = Math.max(best, (double) found / terms.size());
      }
    }
    return best;
  }
}

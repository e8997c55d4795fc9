package io.cogentx.answer;

import io.cogentx.retrieval.Retriever.Retrieval;
import io.cogentx.retrieval.SentenceSplitter;
import io.cogentx.retrieval.Vocabulary;
import io.cogentx.spi.ScoredChunk;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether the retrieved passages can answer a question at all, before any model is asked.
 * Two signals, both measured on SQuAD (bench {@code AnswerBench}, README "Answers"): the cosine
 * similarity of the nearest chunk to the question ({@code cosine}: "about the same topic"), and the
 * largest share of the question's content words found together in one sentence of the first three
 * passages ({@code coverage}: "says this"; an answer is usually stated in one sentence, while a
 * question about something else meets its words scattered, if at all). The question is answered
 * when {@code cosine + coverageWeight × coverage ≥ threshold}.
 *
 * <p>Each word of the coverage weighs its rarity in the session, {@code ln(1 + (N + 0.5) / (df +
 * 0.5))} over the session's {@code N} chunks, {@code df} of which hold the word (BM25's idf without
 * its {@code − df} in the numerator, so that in a session of one or a few chunks a word every chunk
 * holds still weighs half as much as one none holds, instead of next to nothing). A question about
 * another document usually names things the session has never seen ({@code df = 0}, the largest
 * weight), and a sentence that lacks them covers little of the question however many common words
 * it shares. A word the session has never seen, of five letters or more, also matches a sentence
 * word one edit away (a letter added, dropped, changed or two swapped), since such a word in a
 * question about the session's own documents is mostly a typo ("disclipine", "purhcased").
 *
 * @param threshold the least combined evidence
 * @param coverageWeight how much word coverage counts against cosine similarity
 */
public record AbstentionPolicy(double threshold, double coverageWeight) {

  /** What an abstaining answer says. */
  public static final String NOT_FOUND = "I could not find this in your documents.";

  /**
   * Chosen on SQuAD v1.1 dev with all-MiniLM-L6-v2 and hybrid retrieval, over all 14,400 questions
   * of nine AnswerBench draws of 12 ingested articles (bench {@code AbstentionChoice}: the grid
   * point farthest from both goals, 95.6 % abstention on unanswerable and 4.4 % on answerable
   * there); on six other draws it abstains on 96.3 % and 5.0 % (README, Answers).
   */
  public static final AbstentionPolicy CALIBRATED = new AbstentionPolicy(0.7125, 0.60);

  /**
   * The earlier rule, for {@link #plainEvidence}: every word weighs the same and must be spelled as
   * in the passage. Kept for comparison in AnswerBench.
   */
  public static final AbstentionPolicy PLAIN = new AbstentionPolicy(0.69, 0.60);

  /** How many of the best passages are searched for a covering sentence. */
  static final int PASSAGES = 3;

  /** Shortest stem of an unseen word that may match a word one edit away. */
  static final int TYPO_MIN_LENGTH = 5;

  /** The evidence for a question. */
  public record Evidence(double cosine, double coverage) {

    double combined(double coverageWeight) {
      return cosine + coverageWeight * coverage;
    }
  }

  /** A content word of the question: its stem, its weight, and whether the session lacks it. */
  record Word(String stem, double weight, boolean unseen) {}

  /** Whether to say "not in your documents" instead of answering. */
  public boolean abstains(Evidence evidence) {
    return evidence.combined(coverageWeight) < threshold;
  }

  /**
   * The evidence {@code retrieval} holds for {@code question}, its words weighed by the searched
   * index's {@link Retrieval#vocabulary()}.
   */
  public static Evidence evidence(String question, Retrieval retrieval) throws IOException {
    return new Evidence(
        retrieval.bestCosine(),
        coverage(words(question, retrieval.vocabulary()), retrieval.hits()));
  }

  /** The evidence as {@link #PLAIN} reads it: words unweighted, no typos forgiven. */
  public static Evidence plainEvidence(String question, Retrieval retrieval) {
    List<Word> words = new ArrayList<>();
    for (String stem : Terms.of(question)) {
      words.add(new Word(stem, 1, false));
    }
    return new Evidence(retrieval.bestCosine(), coverage(words, retrieval.hits()));
  }

  /** The content words of {@code question}, weighed by their rarity in {@code vocabulary}. */
  static List<Word> words(String question, Vocabulary vocabulary) throws IOException {
    Map<String, String> stems = Terms.stemsWithWords(question);
    if (stems.isEmpty()) {
      return List.of();
    }
    int[] df = vocabulary.documentFrequencies(List.copyOf(stems.values()));
    int n = vocabulary.chunks();
    List<Word> out = new ArrayList<>(df.length);
    int i = 0;
    for (String stem : stems.keySet()) {
      int d = df[i++];
      double idf = Math.log(1 + (n + 0.5) / (d + 0.5));
      out.add(new Word(stem, idf, d == 0));
    }
    return out;
  }

  /**
   * The largest weighted share of {@code words} found in one sentence (with its document's title)
   * of the first {@value #PASSAGES} passages; 0 when there are no words or nothing was found.
   */
  static double coverage(List<Word> words, List<ScoredChunk> hits) {
    double total = 0;
    for (Word w : words) {
      total += w.weight();
    }
    if (total <= 0) {
      return 0;
    }
    SentenceSplitter splitter = new SentenceSplitter();
    double best = 0;
    for (ScoredChunk hit : hits.subList(0, Math.min(PASSAGES, hits.size()))) {
      Set<String> title =
          hit.chunk().title() == null ? Set.of() : new HashSet<>(Terms.of(hit.chunk().title()));
      for (String sentence : splitter.sentences(hit.chunk().text())) {
        Set<String> stems = new HashSet<>(Terms.of(sentence));
        stems.addAll(title);
        double found = 0;
        for (Word w : words) {
          if (stems.contains(w.stem()) || (w.unseen() && nearOne(w.stem(), stems))) {
            found += w.weight();
          }
        }
        best = Math.max(best, found / total);
      }
    }
    return best;
  }

  private static boolean nearOne(String stem, Set<String> stems) {
    if (stem.length() < TYPO_MIN_LENGTH) {
      return false;
    }
    for (String s : stems) {
      if (oneEditApart(stem, s)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code a} becomes {@code b} by one edit: a letter inserted, deleted or replaced, or two
   * adjacent letters swapped (the optimal-string-alignment distance is 1).
   */
  static boolean oneEditApart(String a, String b) {
    if (a.length() > b.length()) {
      return oneEditApart(b, a);
    }
    int la = a.length();
    int lb = b.length();
    if (lb - la > 1) {
      return false;
    }
    int i = 0;
    while (i < la && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (la < lb) {
      return a.regionMatches(i, b, i + 1, la - i);
    }
    if (i == la) {
      return false; // equal
    }
    if (a.regionMatches(i + 1, b, i + 1, la - i - 1)) {
      return true;
    }
    return i + 1 < la
        && a.charAt(i) == b.charAt(i + 1)
        && a.charAt(i + 1) == b.charAt(i)
        && a.regionMatches(i + 2, b, i + 2, la - i - 2);
  }
}

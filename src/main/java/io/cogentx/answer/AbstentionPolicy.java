package io.cogentx.answer;

import io.cogentx.retrieval.Retriever.Retrieval;
import io.cogentx.retrieval.SentenceSplitter;
import io.cogentx.retrieval.Vocabulary;
import io.cogentx.spi.ScoredChunk;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether the retrieved passages can answer a question at all, before any model is asked.
 * Two signals say whether the session holds the question's topic, both measured on SQuAD (bench
 * {@code AnswerBench}, docs/answers.md): the cosine similarity of the nearest chunk to the question
 * ({@code cosine}: "about the same topic"), and the largest share of the question's content words
 * found together in one sentence of the first three passages ({@code coverage}: "says this"; an
 * answer is usually stated in one sentence, while a question about something else meets its words
 * scattered, if at all). The question is answered only when {@code cosine + coverageWeight ×
 * coverage ≥ threshold}, and when that best-covering sentence, if it covers at least {@code
 * mismatchCoverage} of the question, shows none of the {@link Mismatch}es the policy checks: a
 * question that copies most of a sentence of the session's own documents but changes one thing
 * (negates it, names another year, asks for the opposite) is not answered by that sentence.
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
 * @param mismatches the mismatches that make it abstain however strong the evidence
 * @param mismatchCoverage the least coverage at which a mismatch counts
 */
public record AbstentionPolicy(
    double threshold, double coverageWeight, Set<Mismatch> mismatches, double mismatchCoverage) {

  public AbstentionPolicy {
    mismatches = Set.copyOf(mismatches);
  }

  /** A policy that checks no mismatch: topic evidence only. */
  public AbstentionPolicy(double threshold, double coverageWeight) {
    this(threshold, coverageWeight, Set.of(), 0);
  }

  /** What an abstaining answer says. */
  public static final String NOT_FOUND = "I could not find this in your documents.";

  /**
   * Chosen on the development articles of the fixed SQuAD split ({@code
   * bench/splits/squad-articles.json}) only, by {@code AbstentionChoice} on {@code AnswerBench}'s
   * questions there: off-topic ones (about articles not ingested) and in-topic ones (SQuAD 2.0,
   * about ingested articles that do not answer them). See docs/answers.md for the figures on the
   * development and the test articles.
   */
  public static final AbstentionPolicy CALIBRATED =
      new AbstentionPolicy(0.575, 0.40, EnumSet.of(Mismatch.NEGATION, Mismatch.YEAR), 0.5);

  /** How many of the best passages are searched for a covering sentence. */
  static final int PASSAGES = 3;

  /** Shortest stem of an unseen word that may match a word one edit away. */
  static final int TYPO_MIN_LENGTH = 5;

  /**
   * The evidence for a question: topic signals, and every {@link Mismatch} between the question and
   * the sentence that covers most of it (whether the policy checks it or not).
   */
  public record Evidence(double cosine, double coverage, Set<Mismatch> mismatches) {

    public Evidence {
      mismatches = Set.copyOf(mismatches);
    }

    public Evidence(double cosine, double coverage) {
      this(cosine, coverage, Set.of());
    }

    double combined(double coverageWeight) {
      return cosine + coverageWeight * coverage;
    }
  }

  /** The sentence (with its document's title) that holds the largest weighted share of words. */
  record Covering(double share, String sentence) {}

  /** A content word of the question: its stem, its weight, and whether the session lacks it. */
  record Word(String stem, double weight, boolean unseen) {}

  /** Whether to say "not in your documents" instead of answering. */
  public boolean abstains(Evidence evidence) {
    return evidence.combined(coverageWeight) < threshold
        || (evidence.coverage() >= mismatchCoverage
            && !Collections.disjoint(evidence.mismatches(), mismatches));
  }

  /**
   * The evidence {@code retrieval} holds for {@code question}, its words weighed by the searched
   * index's {@link Retrieval#vocabulary()}.
   */
  public static Evidence evidence(String question, Retrieval retrieval) throws IOException {
    Covering covering = covering(words(question, retrieval.vocabulary()), retrieval.hits());
    return new Evidence(
        retrieval.bestCosine(),
        covering.share(),
        Mismatch.between(question, covering.sentence(), EnumSet.allOf(Mismatch.class)));
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
    return covering(words, hits).share();
  }

  /**
   * The sentence of the first {@value #PASSAGES} passages that holds the largest weighted share of
   * {@code words} (the first of equals), and that share; {@code (0, null)} if none holds any.
   */
  static Covering covering(List<Word> words, List<ScoredChunk> hits) {
    double total = 0;
    for (Word w : words) {
      total += w.weight();
    }
    if (total <= 0) {
      return new Covering(0, null);
    }
    SentenceSplitter splitter = new SentenceSplitter();
    double best = 0;
    String bestSentence = null;
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
        if (found / total > best) {
          best = found / total;
          bestSentence = sentence;
        }
      }
    }
    return new Covering(best, bestSentence);
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

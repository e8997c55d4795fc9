package io.cogentx.answer;

import io.cogentx.retrieval.SentenceSplitter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers without a language model: splits the retrieved passages into sentences, scores each by
 * the question's content words it contains (each word weighted by how rare it is among the
 * candidate sentences, so "Skerryvore" counts more than "lighthouse" in a lighthouse manual), with
 * a small bonus for higher-ranked passages, and returns the best sentence, plus the runner-up when
 * it is nearly as good, each followed by its citation marker.
 */
public final class ExtractiveAnswerer {

  /** One sentence of the answer and the source it came from. */
  public record Part(String text, int source) {}

  /** The answer's sentences, best first; empty when no sentence shares a word with the question. */
  public record Answer(List<Part> parts) {

    /** The text with markers: {@code "First sentence. [2] Second sentence. [1]"}. */
    public String text() {
      StringBuilder sb = new StringBuilder();
      for (Part p : parts) {
        if (!sb.isEmpty()) {
          sb.append(' ');
        }
        sb.append(p.text()).append(" [").append(p.source()).append(']');
      }
      return sb.toString();
    }
  }

  private record Candidate(String text, int source, Set<String> terms, int order) {}

  private static final double RANK_BONUS = 0.08;
  private static final double RUNNER_UP = 0.75;
  private static final int MAX_SENTENCE_CHARS = 600;

  private final int maxSentences;

  /**
   * @param maxSentences at most this many sentences in an answer (1 or more)
   */
  public ExtractiveAnswerer(int maxSentences) {
    if (maxSentences < 1) {
      throw new IllegalArgumentException("maxSentences must be at least 1: " + maxSentences);
    }
    this.maxSentences = maxSentences;
  }

  public ExtractiveAnswerer() {
    this(2);
  }

  public Answer answer(String question, List<Source> sources) {
    List<String> asked = Terms.of(question);
    List<Candidate> candidates = candidates(sources);
    if (asked.isEmpty() || candidates.isEmpty()) {
      return new Answer(List.of());
    }
    Map<String, Double> weight = weights(asked, candidates);
    double total = asked.stream().mapToDouble(weight::get).sum();
    List<double[]> scored = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      double matched = 0;
      for (String t : asked) {
        if (c.terms().contains(t)) {
          matched += weight.get(t);
        }
      }
      if (matched > 0) {
        scored.add(new double[] {matched / total + RANK_BONUS / c.source(), i});
      }
    }
    scored.sort(Comparator.<double[]>comparingDouble(s -> -s[0]).thenComparingDouble(s -> s[1]));
    List<Part> parts = new ArrayList<>();
    for (double[] s : scored) {
      if (parts.size() == maxSentences
          || (!parts.isEmpty() && s[0] < RUNNER_UP * scored.get(0)[0])) {
        break;
      }
      Candidate c = candidates.get((int) s[1]);
      parts.add(new Part(c.text(), c.source()));
    }
    return new Answer(List.copyOf(parts));
  }

  private static List<Candidate> candidates(List<Source> sources) {
    SentenceSplitter splitter = new SentenceSplitter();
    List<Candidate> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Source source : sources) {
      for (String sentence : splitter.sentences(source.text())) {
        String text = sentence.replaceAll("\\s+", " ");
        if (text.length() > MAX_SENTENCE_CHARS) {
          text = text.substring(0, MAX_SENTENCE_CHARS).replaceAll("\\s+\\S*$", "") + " …";
        }
        // chunks overlap: a sentence repeated in the next chunk is one candidate
        if (seen.add(text)) {
          out.add(new Candidate(text, source.n(), new HashSet<>(Terms.of(text)), out.size()));
        }
      }
    }
    return out;
  }

  /** Inverse document frequency of each asked term over the candidate sentences. */
  private static Map<String, Double> weights(List<String> asked, List<Candidate> candidates) {
    Map<String, Double> weight = new HashMap<>();
    int n = candidates.size();
    for (String t : asked) {
      long df = candidates.stream().filter(c -> c.terms().contains(t)).count();
      weight.put(t, Math.log(1 + (n + 1.0) / (df + 0.5)));
    }
    return weight;
  }
}

package io.cogentx.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The content words of a text, for matching a question against passages: lower case, letters and
 * digits only, common English function words (and question words) dropped, plural and verb endings
 * stripped so that "keepers" meets "keeper" and "replaced" meets "replace".
 */
public final class Terms {

  private static final Set<String> STOPWORDS =
      Set.of(
          "a",
          "about",
          "above",
          "after",
          "again",
          "against",
          "all",
          "also",
          "am",
          "an",
          "and",
          "any",
          "are",
          "as",
          "at",
          "be",
          "because",
          "been",
          "before",
          "being",
          "below",
          "between",
          "both",
          "but",
          "by",
          "can",
          "could",
          "did",
          "do",
          "does",
          "doing",
          "down",
          "during",
          "each",
          "else",
          "ever",
          "few",
          "for",
          "from",
          "further",
          "had",
          "has",
          "have",
          "having",
          "he",
          "her",
          "here",
          "hers",
          "herself",
          "him",
          "himself",
          "his",
          "how",
          "i",
          "if",
          "in",
          "into",
          "is",
          "it",
          "its",
          "itself",
          "just",
          "kind",
          "many",
          "me",
          "more",
          "most",
          "much",
          "my",
          "myself",
          "name",
          "named",
          "no",
          "nor",
          "not",
          "of",
          "off",
          "on",
          "once",
          "one",
          "only",
          "or",
          "other",
          "our",
          "ours",
          "out",
          "over",
          "own",
          "same",
          "she",
          "should",
          "so",
          "some",
          "such",
          "than",
          "that",
          "the",
          "their",
          "theirs",
          "them",
          "themselves",
          "then",
          "there",
          "these",
          "they",
          "this",
          "those",
          "through",
          "to",
          "too",
          "type",
          "under",
          "until",
          "up",
          "us",
          "use",
          "used",
          "very",
          "was",
          "we",
          "were",
          "what",
          "when",
          "where",
          "which",
          "while",
          "who",
          "whom",
          "whose",
          "why",
          "will",
          "with",
          "would",
          "year",
          "you",
          "your",
          "yours",
          "called",
          "known",
          "according");

  private Terms() {}

  /** The distinct content-word stems of {@code text}, in order of first appearance. */
  public static List<String> of(String text) {
    return new ArrayList<>(stemsWithWords(text).keySet());
  }

  /**
   * The distinct content-word stems of {@code text}, in order of first appearance, each with the
   * (lower-case) word it first came from.
   */
  public static Map<String, String> stemsWithWords(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String word : words(text)) {
      if (!STOPWORDS.contains(word)) {
        out.putIfAbsent(stem(word), word);
      }
    }
    return out;
  }

  /** Lower-case runs of letters and digits. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    String lower = text.toLowerCase(Locale.ROOT);
    int start = -1;
    for (int i = 0; i <= lower.length(); i++) {
      boolean part = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i));
      if (part && start < 0) {
        start = i;
      } else if (!part && start >= 0) {
        out.add(lower.substring(start, i));
        start = -1;
      }
    }
    return out;
  }

  /** A light suffix stripper (a subset of Porter's step 1): enough to join inflected forms. */
  static String stem(String w) {
    if (w.length() <= 3 || Character.isDigit(w.charAt(0))) {
      return w;
    }
    if (w.endsWith("ies") && w.length() > 4) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.endsWith("sses")) {
      return w.substring(0, w.length() - 2);
    }
    if (w.endsWith("ing") && w.length() > 5) {
      return trimDouble(w.substring(0, w.length() - 3));
    }
    if (w.endsWith("ed") && w.length() > 4) {
      return trimDouble(w.substring(0, w.length() - (w.endsWith("eed") ? 1 : 2)));
    }
    if (w.endsWith("es") && w.length() > 4 && "sxzh".indexOf(w.charAt(w.length() - 3)) >= 0) {
      return w.substring(0, w.length() - 2);
    }
    if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      w = w.substring(0, w.length() - 1);
    }
    if (w.endsWith("e") && w.length() > 4) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }

  private static String trimDouble(String w) {
    int n = w.length();
    if (n > 2 && w.charAt(n - 1) == w.charAt(n - 2) && "lsz".indexOf(w.charAt(n - 1)) < 0) {
      return w.substring(0, n - 1);
    }
    if (w.endsWith("e") && w.length() > 4) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }
}

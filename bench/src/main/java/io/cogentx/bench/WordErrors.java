package io.cogentx.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Word error rate with a stated normalisation: lower case; hyphens become spaces; every character
 * but letters, digits and apostrophes inside words becomes a space; runs of spaces collapse.
 * Numbers are compared as the reference writes them (the LJ clips' normalized transcripts spell
 * them out, as the recognisers do). Errors are substitutions, insertions and deletions (Levenshtein
 * distance over words).
 */
final class WordErrors {

  private WordErrors() {}

  static List<String> words(String text) {
    String t = text.toLowerCase(Locale.ROOT).replace('-', ' ');
    t = t.replaceAll("[^a-z0-9' ]+", " ").replaceAll("(^|\\s)'+|'+(\\s|$)", " ");
    return Arrays.stream(t.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
  }

  /** Word-level edit distance between the reference and the hypothesis. */
  static int errors(List<String> reference, List<String> hypothesis) {
    int[] previous = new int[hypothesis.size() + 1];
    int[] current = new int[hypothesis.size() + 1];
    for (int j = 0; j <= hypothesis.size(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= reference.size(); i++) {
      current[0] = i;
      for (int j = 1; j <= hypothesis.size(); j++) {
        int substitution =
            previous[j - 1] + (reference.get(i - 1).equals(hypothesis.get(j - 1)) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[hypothesis.size()];
  }
}

package io.cogentx.plugins.index.exact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into lower-case runs of letters and digits and drops a small set of English stop
 * words. Deterministic, so a chunk's terms can be recomputed when it is deleted.
 */
final class SimpleAnalyzer {

  /** Lucene's classic English stop set (33 words). */
  static final Set<String> STOP_WORDS =
      Set.of(
          "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is",
          "it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there",
          "these", "they", "this", "to", "was", "will", "with");

  /** Longest token kept; longer runs (base64, hashes) are cut to this length. */
  static final int MAX_TOKEN_LENGTH = 64;

  private SimpleAnalyzer() {}

  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && !Character.isLetterOrDigit(text.codePointAt(i))) {
        i += Character.charCount(text.codePointAt(i));
      }
      int start = i;
      while (i < n && Character.isLetterOrDigit(text.codePointAt(i))) {
        i += Character.charCount(text.codePointAt(i));
      }
      if (i > start) {
        String token = text.substring(start, Math.min(i, start + MAX_TOKEN_LENGTH));
        if (Character.isHighSurrogate(token.charAt(token.length() - 1))) {
          token = token.substring(0, token.length() - 1);
        }
        token = token.toLowerCase(Locale.ROOT);
        if (!STOP_WORDS.contains(token)) {
          out.add(token);
        }
      }
    }
    return out;
  }
}

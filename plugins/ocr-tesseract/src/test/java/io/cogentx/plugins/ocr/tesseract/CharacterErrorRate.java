package io.cogentx.plugins.ocr.tesseract;

/** CER = Levenshtein distance / reference length, on whitespace-normalised text. */
final class CharacterErrorRate {

  private CharacterErrorRate() {}

  static double of(String hypothesis, String reference) {
    String h = normalise(hypothesis);
    String r = normalise(reference);
    return (double) levenshtein(h, r) / r.length();
  }

  static String normalise(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  static int levenshtein(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}

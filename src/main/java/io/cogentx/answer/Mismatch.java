package io.cogentx.answer;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Signs that the sentence which best covers a question's words still does not say what the question
 * asks: a question about a document the user did upload, whose answer is not in it, is often a near
 * copy of one of its sentences with one thing changed (SQuAD 2.0's unanswerable questions were
 * written so). Each check compares the question with that one sentence, word by word, and is
 * measured on its own in {@code AnswerBench} (docs/answers.md).
 */
public enum Mismatch {

  /**
   * The question is negated ("not", "never", "no", "without", "n't" …) and the sentence is not:
   * "What is usually <em>not</em> stated using the big O notation?" against "Upper and lower bounds
   * are usually stated using the big O notation".
   */
  NEGATION,

  /**
   * The question names a four-digit number, mostly a year ("1973", "1970s"), that the sentence
   * lacks: "What happened in 1978?" against a sentence about 1973.
   */
  YEAR,

  /**
   * A question word is missing from the sentence while its opposite is there: "the <em>least</em>
   * difficult problems" against "the <em>most</em> difficult problems".
   */
  ANTONYM;

  /** Words that turn a statement into its negation. */
  private static final Set<String> NEGATIONS =
      Set.of("not", "never", "no", "none", "nor", "neither", "without", "cannot", "nothing");

  /** Pairs of opposites, as base forms; both words of a pair are matched by their stems. */
  private static final List<String> OPPOSITES =
      List.of(
          "most least",
          "more less",
          "more fewer",
          "largest smallest",
          "larger smaller",
          "large small",
          "biggest smallest",
          "highest lowest",
          "higher lower",
          "high low",
          "first last",
          "before after",
          "earliest latest",
          "earlier later",
          "early late",
          "increase decrease",
          "increase reduce",
          "rise fall",
          "best worst",
          "better worse",
          "oldest newest",
          "oldest youngest",
          "older younger",
          "old new",
          "begin end",
          "start end",
          "win lose",
          "won lost",
          "victory defeat",
          "major minor",
          "maximum minimum",
          "strongest weakest",
          "strong weak",
          "longest shortest",
          "long short",
          "fastest slowest",
          "fast slow",
          "easiest hardest",
          "easy difficult",
          "north south",
          "east west",
          "northern southern",
          "eastern western",
          "upper lower",
          "inside outside",
          "internal external",
          "public private",
          "accept reject",
          "allow forbid",
          "allow prohibit",
          "include exclude",
          "usually rarely",
          "often rarely",
          "always never",
          "common rare",
          "same different",
          "support oppose",
          "legal illegal",
          "import export",
          "buy sell",
          "bought sold",
          "gain loss",
          "birth death",
          "born died",
          "ancient modern",
          "male female",
          "minority majority",
          "temporary permanent",
          "direct indirect",
          "formal informal",
          "possible impossible",
          "known unknown",
          "successful unsuccessful",
          "simple complex");

  /** Stem to the stems of its opposites. */
  private static final Map<String, Set<String>> OPPOSITE = opposites();

  private static Map<String, Set<String>> opposites() {
    Map<String, Set<String>> out = new HashMap<>();
    for (String pair : OPPOSITES) {
      String[] w = pair.split(" ");
      String a = Terms.stem(w[0]);
      String b = Terms.stem(w[1]);
      out.computeIfAbsent(a, k -> new HashSet<>()).add(b);
      out.computeIfAbsent(b, k -> new HashSet<>()).add(a);
    }
    return Map.copyOf(out);
  }

  /** The mismatches between {@code question} and {@code sentence} among {@code checked}. */
  public static Set<Mismatch> between(String question, String sentence, Set<Mismatch> checked) {
    EnumSet<Mismatch> out = EnumSet.noneOf(Mismatch.class);
    if (sentence == null || checked.isEmpty()) {
      return out;
    }
    List<String> asked = Terms.words(question);
    List<String> said = Terms.words(sentence);
    if (checked.contains(NEGATION) && negated(question, asked) && !negated(sentence, said)) {
      out.add(NEGATION);
    }
    if (checked.contains(YEAR) && missingYear(asked, said)) {
      out.add(YEAR);
    }
    if (checked.contains(ANTONYM) && oppositeSaid(asked, said)) {
      out.add(ANTONYM);
    }
    return out;
  }

  static boolean negated(String text, List<String> words) {
    for (String w : words) {
      if (NEGATIONS.contains(w)) {
        return true;
      }
    }
    // "didn't", "isn't": the apostrophe splits the word, leaving "didn" and "t"
    return text.contains("n't") || text.contains("n’t");
  }

  /** A question word of four digits (with an optional "s": "1970s") that the sentence lacks. */
  static boolean missingYear(List<String> asked, List<String> said) {
    for (String w : asked) {
      if (isYear(w)) {
        String digits = w.substring(0, 4);
        boolean found = false;
        for (String s : said) {
          if (isYear(s) && s.startsWith(digits)) {
            found = true;
            break;
          }
        }
        if (!found) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isYear(String w) {
    if (w.length() != 4 && !(w.length() == 5 && w.charAt(4) == 's')) {
      return false;
    }
    for (int i = 0; i < 4; i++) {
      if (!Character.isDigit(w.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** A question word the sentence lacks whose opposite the sentence holds. */
  static boolean oppositeSaid(List<String> asked, List<String> said) {
    Set<String> saidStems = new HashSet<>();
    for (String w : said) {
      saidStems.add(Terms.stem(w));
    }
    for (String w : asked) {
      String stem = Terms.stem(w);
      Set<String> opposites = OPPOSITE.get(stem);
      if (opposites != null && !saidStems.contains(stem)) {
        for (String o : opposites) {
          if (saidStems.contains(o)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}

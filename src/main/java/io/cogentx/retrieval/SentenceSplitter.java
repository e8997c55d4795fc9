package io.cogentx.retrieval;

import java.text.BreakIterator;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the sentences of a range of text: paragraphs (blank-line separated) first, then {@link
 * BreakIterator} sentences, then re-joins breaks that follow a common abbreviation or initialism
 * ("e.g.", "U.S.", "Dr.", "J.") so they do not cut a thought in two. Spans are trimmed of white
 * space. Linear in the length of the range. Not thread-safe: one instance per call.
 */
public final class SentenceSplitter {

  /** Lower-case abbreviations, with their final period, that rarely end a sentence. */
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr.", "mrs.", "ms.", "dr.", "prof.", "sr.", "jr.", "st.", "mt.", "vs.", "cf.", "fig.",
          "figs.", "eq.", "no.", "nos.", "vol.", "pp.", "p.", "ch.", "sec.", "approx.", "ca.",
          "inc.", "ltd.", "co.", "corp.", "dept.", "gen.", "gov.", "sen.", "rep.", "rev.", "jan.",
          "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
          "z.b.", "bzw.", "usw.", "ggf.");

  private final BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);

  public SentenceSplitter() {}

  /** The trimmed, non-empty sentences of {@code text}, in order. */
  public List<String> sentences(String text) {
    return split(text, 0, text.length()).stream().map(span -> span.of(text)).toList();
  }

  /** Trimmed, non-empty sentence spans of {@code text[from, to)}, in order. */
  List<Span> split(String text, int from, int to) {
    List<Span> out = new ArrayList<>();
    for (Span paragraph : paragraphs(text, from, to)) {
      splitParagraph(text, paragraph, out);
    }
    return out;
  }

  private void splitParagraph(String text, Span paragraph, List<Span> out) {
    sentences.setText(
        new StringCharacterIterator(text, paragraph.start(), paragraph.end(), paragraph.start()));
    int start = paragraph.start();
    for (int end = sentences.following(start);
        end != BreakIterator.DONE && end <= paragraph.end();
        end = sentences.next()) {
      if (end < paragraph.end() && endsWithAbbreviation(text, start, end)) {
        continue;
      }
      addTrimmed(text, start, end, out);
      start = end;
    }
    if (start < paragraph.end()) {
      addTrimmed(text, start, paragraph.end(), out);
    }
  }

  /** Ranges separated by lines holding only white space. */
  static List<Span> paragraphs(String text, int from, int to) {
    List<Span> out = new ArrayList<>();
    int paragraphStart = from;
    int lineStart = from;
    while (lineStart < to) {
      int newline = text.indexOf('\n', lineStart);
      int lineEnd = newline < 0 || newline >= to ? to : newline;
      if (isBlank(text, lineStart, lineEnd) && lineStart > paragraphStart) {
        out.add(new Span(paragraphStart, lineStart));
        paragraphStart = lineEnd;
      }
      lineStart = lineEnd + 1;
    }
    out.add(new Span(paragraphStart, to));
    return out.stream().filter(s -> !isBlank(text, s.start(), s.end())).toList();
  }

  private static boolean endsWithAbbreviation(String text, int start, int end) {
    int wordEnd = end;
    while (wordEnd > start && Character.isWhitespace(text.charAt(wordEnd - 1))) {
      wordEnd--;
    }
    int wordStart = wordEnd;
    while (wordStart > start && !Character.isWhitespace(text.charAt(wordStart - 1))) {
      wordStart--;
    }
    while (wordStart < wordEnd && "([{\"'“‘".indexOf(text.charAt(wordStart)) >= 0) {
      wordStart++;
    }
    if (wordEnd - wordStart < 2 || text.charAt(wordEnd - 1) != '.') {
      return false;
    }
    String word = text.substring(wordStart, wordEnd).toLowerCase(Locale.ROOT);
    return ABBREVIATIONS.contains(word) || isInitialism(word);
  }

  /** "j.", "u.s.", "e.g.", "a.m.": single letters each followed by a period. */
  private static boolean isInitialism(String word) {
    for (int i = 0; i < word.length(); i += 2) {
      if (i + 1 >= word.length()
          || !Character.isLetter(word.charAt(i))
          || word.charAt(i + 1) != '.') {
        return false;
      }
    }
    return true;
  }

  private static void addTrimmed(String text, int start, int end, List<Span> out) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (start < end) {
      out.add(new Span(start, end));
    }
  }

  static boolean isBlank(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}

package io.cogentx.plugins.transcriber.pocketsphinx;

import io.cogentx.spi.Segment;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads what {@code pocketsphinx_continuous -time yes} prints: per utterance a line with the
 * hypothesis, then one line per word {@code word start end posterior} between {@code <s>} and
 * {@code </s>}. Fillers ({@code <sil>}, {@code [NOISE]}, …) are dropped, alternative pronunciations
 * lose their {@code (2)}; each utterance becomes one segment from its first word's start to its
 * last word's end.
 */
final class TimedWords {

  /** Most words read from one piece (a minute of speech has ~200). */
  static final int MAX_WORDS = 50_000;

  private TimedWords() {}

  /**
   * @param offset seconds to subtract from every time (the silence padded before the audio)
   * @param length the audio's length: times are kept within {@code [0, length]}
   */
  static List<Segment> utterances(BufferedReader reader, double offset, double length)
      throws IOException {
    List<Segment> out = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    double start = 0;
    double end = 0;
    int words = 0;
    String line;
    while ((line = reader.readLine()) != null && words < MAX_WORDS) {
      String[] parts = line.strip().split("\\s+");
      if (parts.length != 4 || !isNumber(parts[1]) || !isNumber(parts[2])) {
        continue; // a hypothesis line or anything else
      }
      String word = parts[0];
      double from = Double.parseDouble(parts[1]) - offset;
      double to = Double.parseDouble(parts[2]) - offset;
      if (word.equals("</s>")) {
        flush(out, text, start, end, length);
        continue;
      }
      if (word.startsWith("<") || word.startsWith("[") || word.startsWith("+")) {
        continue; // <s>, <sil>, [NOISE], +breath+
      }
      int alternative = word.indexOf('(');
      if (alternative > 0) {
        word = word.substring(0, alternative);
      }
      if (text.isEmpty()) {
        start = from;
      } else {
        text.append(' ');
      }
      text.append(word.toLowerCase(Locale.ROOT));
      end = to;
      words++;
    }
    flush(out, text, start, end, length);
    return out;
  }

  private static void flush(
      List<Segment> out, StringBuilder text, double start, double end, double length) {
    if (text.isEmpty()) {
      return;
    }
    double s = Math.clamp(start, 0, length);
    double e = Math.clamp(end, s, length);
    out.add(Segment.timed(s, e, text.toString()));
    text.setLength(0);
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}

package io.cogentx.plugins.loader.text;

import io.cogentx.spi.Progress;
import io.cogentx.spi.Segment;
import io.cogentx.spi.SegmentSink;
import java.util.ArrayList;
import java.util.List;

/**
 * Paragraphs of plain text (runs of lines separated by blank lines), and handing them to a sink.
 */
final class Paragraphs {

  /** How often (in segments) progress is reported. */
  private static final int PROGRESS_EVERY = 100;

  private Paragraphs() {}

  /**
   * Splits {@code text} (line endings already {@code \n}) at blank lines; each paragraph keeps its
   * inner line breaks and loses trailing white space. Linear in the length of the text.
   */
  static List<String> split(String text) {
    List<String> paragraphs = new ArrayList<>();
    int paragraphStart = -1;
    int paragraphEnd = -1;
    int lineStart = 0;
    int n = text.length();
    while (true) {
      int lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = n;
      }
      if (isBlank(text, lineStart, lineEnd)) {
        if (paragraphStart >= 0) {
          paragraphs.add(text.substring(paragraphStart, paragraphEnd).stripTrailing());
          paragraphStart = -1;
        }
      } else {
        if (paragraphStart < 0) {
          paragraphStart = lineStart;
        }
        paragraphEnd = lineEnd;
      }
      if (lineEnd == n) {
        break;
      }
      lineStart = lineEnd + 1;
    }
    if (paragraphStart >= 0) {
      paragraphs.add(text.substring(paragraphStart, paragraphEnd).stripTrailing());
    }
    return paragraphs;
  }

  /**
   * Passes each non-blank text to {@code sink} as a segment, reporting progress as stage {@code
   * "extracting"} and stopping early when the sink reports cancellation.
   */
  static void emit(List<String> texts, SegmentSink sink, Progress progress) {
    int total = texts.size();
    for (int i = 0; i < total; i++) {
      if (progress.cancelled()) {
        return;
      }
      String text = texts.get(i);
      if (!text.isBlank()) {
        sink.accept(Segment.of(text));
      }
      if ((i + 1) % PROGRESS_EVERY == 0 || i + 1 == total) {
        progress.report("extracting", i + 1, total);
      }
    }
  }

  private static boolean isBlank(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}

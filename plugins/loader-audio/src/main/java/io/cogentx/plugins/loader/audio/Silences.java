package io.cogentx.plugins.loader.audio;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The silences ffmpeg's {@code silencedetect} filter found, read from its log lines {@code
 * [silencedetect @ 0x…] silence_start: 12.3} and {@code … silence_end: 13.1 | silence_duration:
 * 0.8}. A silence still open at the end of the file ends there.
 */
final class Silences {

  /** A quiet stretch, in seconds from the start. */
  record Silence(double start, double end) {
    double middle() {
      return (start + end) / 2;
    }

    double length() {
      return end - start;
    }
  }

  /** Most silences kept (one every 0.3 s of a 10-hour file); more are ignored. */
  static final int MAX = 200_000;

  private static final Pattern START = Pattern.compile("silence_start:\\s*(-?[0-9.]+)");
  private static final Pattern END = Pattern.compile("silence_end:\\s*(-?[0-9.]+)");

  private Silences() {}

  /** Reads the log line by line (it is never held whole). */
  static List<Silence> read(Path log, double duration) throws IOException {
    List<Silence> out = new ArrayList<>();
    Double open = null;
    try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null && out.size() < MAX) {
        Matcher start = START.matcher(line);
        if (start.find()) {
          open = Math.max(0, parse(start.group(1)));
          continue;
        }
        Matcher end = END.matcher(line);
        if (end.find() && open != null) {
          double e = Math.min(duration, parse(end.group(1)));
          if (e > open) {
            out.add(new Silence(open, e));
          }
          open = null;
        }
      }
    }
    if (open != null && open < duration) {
      out.add(new Silence(open, duration));
    }
    return out;
  }

  private static double parse(String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}

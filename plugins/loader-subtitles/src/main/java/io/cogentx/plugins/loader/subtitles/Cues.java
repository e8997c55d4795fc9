package io.cogentx.plugins.loader.subtitles;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses SubRip and WebVTT cues: a timing line {@code start --> end} (hours optional, {@code ,} or
 * {@code .} before the milliseconds, WebVTT cue settings after the end ignored) and the text lines
 * up to the next blank line. Numbers, cue identifiers, headers, {@code NOTE} and {@code STYLE}
 * blocks are skipped; markup such as {@code <i>} or {@code <v Speaker>} is removed. Linear in the
 * input and bounded by {@code maxCues}.
 */
final class Cues {

  private static final Pattern TIMING =
      Pattern.compile(
          "^\\s*((?:\\d{1,3}:)?\\d{1,2}:\\d{2}[,.]\\d{1,3})\\s*-->\\s*((?:\\d{1,3}:)?\\d{1,2}:\\d{2}[,.]\\d{1,3}).*$");
  private static final Pattern TAG = Pattern.compile("<[^>]{0,200}>|\\{\\\\[^}]{0,200}}");

  private Cues() {}

  static List<Cue> parse(BufferedReader reader, int maxCues) throws IOException {
    List<Cue> cues = new ArrayList<>();
    String line;
    while ((line = reader.readLine()) != null && cues.size() < maxCues) {
      Matcher timing = TIMING.matcher(line);
      if (!timing.matches()) {
        continue;
      }
      double start = seconds(timing.group(1));
      double end = Math.max(start, seconds(timing.group(2)));
      StringBuilder text = new StringBuilder();
      while ((line = reader.readLine()) != null && !line.isBlank()) {
        String clean = TAG.matcher(line).replaceAll("").strip();
        if (!clean.isEmpty()) {
          text.append(text.isEmpty() ? "" : " ").append(clean);
        }
      }
      if (!text.isEmpty()) {
        cues.add(new Cue(start, end, text.toString()));
      }
    }
    return cues;
  }

  /** {@code [hh:]mm:ss,mmm} or {@code [hh:]mm:ss.mmm} in seconds. */
  static double seconds(String time) {
    String[] parts = time.replace(',', '.').split(":");
    double seconds = Double.parseDouble(parts[parts.length - 1]);
    double minutes = Double.parseDouble(parts[parts.length - 2]);
    double hours = parts.length == 3 ? Double.parseDouble(parts[0]) : 0;
    return hours * 3600 + minutes * 60 + seconds;
  }
}

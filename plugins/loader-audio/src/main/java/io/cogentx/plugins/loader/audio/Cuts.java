package io.cogentx.plugins.loader.audio;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a recording is cut into pieces for transcription: near every {@code target} seconds, in the
 * middle of a silence, so no word is cut; a piece longer than {@code max} seconds without a silence
 * is cut at {@code max}. Pieces keep memory flat (one piece is transcribed at a time) and let
 * progress move.
 */
final class Cuts {

  /** A piece of the recording, in seconds from its start. */
  record Piece(double start, double end) {
    double length() {
      return end - start;
    }
  }

  private Cuts() {}

  /**
   * The pieces covering {@code [0, duration]}, in order, each at most {@code max} seconds.
   *
   * @param silences in order of time
   * @param target the piece length aimed at
   * @param max the longest piece (at least {@code target})
   */
  static List<Piece> plan(
      double duration, List<Silences.Silence> silences, double target, double max) {
    if (target <= 0 || max < target) {
      throw new IllegalArgumentException("need 0 < target <= max: " + target + ", " + max);
    }
    List<Piece> pieces = new ArrayList<>();
    double start = 0;
    int from = 0;
    while (duration - start > max) {
      double best = Double.NaN;
      double bestDistance = Double.MAX_VALUE;
      for (int i = from; i < silences.size(); i++) {
        Silences.Silence s = silences.get(i);
        double m = s.middle();
        if (m <= start + target / 2) {
          from = i + 1;
          continue;
        }
        if (m > start + max) {
          break;
        }
        double distance = Math.abs(m - (start + target));
        if (distance < bestDistance) {
          bestDistance = distance;
          best = m;
        }
      }
      double cut = Double.isNaN(best) ? start + max : best;
      pieces.add(new Piece(start, cut));
      start = cut;
    }
    if (duration > start || pieces.isEmpty()) {
      pieces.add(new Piece(start, Math.max(start, duration)));
    }
    return pieces;
  }
}

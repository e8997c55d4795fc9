package io.cogentx.plugins.loader.audio;

import java.util.Locale;

/** Times as users read them: {@code 02:13}, or {@code 1:02:13} past an hour. */
final class Clock {

  private Clock() {}

  static String format(double seconds) {
    long s = Math.max(0, Math.round(Math.floor(seconds)));
    long h = s / 3600;
    long m = (s % 3600) / 60;
    long sec = s % 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
        : String.format(Locale.ROOT, "%02d:%02d", m, sec);
  }
}

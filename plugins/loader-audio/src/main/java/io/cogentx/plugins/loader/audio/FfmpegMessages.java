package io.cogentx.plugins.loader.audio;

import java.nio.file.Path;

/**
 * ffmpeg's own words for what went wrong, fit to show a user: the last two meaningful lines of its
 * error output (the cause, then what it led to), with the server's path of the stored upload
 * replaced by the name the user gave it, and the "[demuxer @ 0x…]" prefixes removed.
 */
final class FfmpegMessages {

  static final int MAX_LENGTH = 300;

  private FfmpegMessages() {}

  /**
   * @param file the stored upload, named {@code shownName} in the message
   * @param workDir the loader's working directory, never shown
   */
  static String reason(String stderr, Path file, String shownName, Path workDir) {
    String name = shownName == null || shownName.isBlank() ? "the file" : shownName;
    String before = "";
    String last = "";
    for (String line : stderr.split("\n")) {
      String clean =
          line.replace(file.toString(), name)
              .replace(workDir.toString() + "/", "")
              .replaceAll("\\[[^\\]]*@ 0x[0-9a-f]+\\]\\s*", "")
              .strip();
      if (!clean.isEmpty()
          && !clean.startsWith("silence_")
          && !clean.contains("Conversion failed")
          && !clean.equals(last)) {
        before = last;
        last = clean;
      }
    }
    if (last.isEmpty()) {
      return "no reason given";
    }
    if (!before.isEmpty()) {
      last = before + "; " + last;
    }
    return last.length() > MAX_LENGTH ? last.substring(0, MAX_LENGTH) + "…" : last;
  }
}

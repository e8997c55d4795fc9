package io.cogentx.plugins.loader.audio;

import io.cogentx.spi.PluginConfig;
import io.cogentx.spi.Setting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The audio loader's settings.
 *
 * @param transcriber {@code TRANSCRIBER}: {@code auto} or an engine's name
 * @param maxMinutes {@code MAX_AUDIO_MINUTES}: longest recording accepted
 * @param pieceSeconds {@code AUDIO_PIECE_SECONDS}: piece length aimed at (cut at a silence near it;
 *     never longer than 1.5 times it)
 * @param audioFilter {@code AUDIO_FILTER}: ffmpeg filters applied before transcription
 * @param silenceNoiseDb {@code AUDIO_SILENCE_DB}: level below which audio counts as silence
 * @param silenceMinSeconds {@code AUDIO_SILENCE_SECONDS}: shortest silence that may be a cut
 * @param decodeTimeout {@code AUDIO_DECODE_TIMEOUT_SECONDS}: longest decoding of one file
 * @param workDirectory {@code AUDIO_WORK_DIRECTORY}: where decoded audio is kept while a file is
 *     read
 */
record AudioSettings(
    String transcriber,
    String ffmpeg,
    String ffprobe,
    int maxMinutes,
    double pieceSeconds,
    String audioFilter,
    int silenceNoiseDb,
    double silenceMinSeconds,
    Duration decodeTimeout,
    Path workDirectory) {

  static final Setting TRANSCRIBER =
      Setting.of(
          "TRANSCRIBER",
          "auto",
          "Speech engine for audio and video: auto (the best available: Whisper over HTTP, then"
              + " in-process Whisper, then offline pocketsphinx) or an engine's name");
  static final Setting MAX_AUDIO_MINUTES =
      Setting.of("MAX_AUDIO_MINUTES", 120, "Longest recording accepted, in minutes");
  static final Setting FFMPEG_PATH =
      Setting.of("FFMPEG_PATH", "ffmpeg", "The ffmpeg command: a path, or a name on the PATH");
  static final Setting FFPROBE_PATH =
      Setting.of("FFPROBE_PATH", "ffprobe", "The ffprobe command: a path, or a name on the PATH");
  static final Setting PIECE_SECONDS =
      Setting.of(
          "AUDIO_PIECE_SECONDS",
          30,
          "Recordings are transcribed in pieces of about this many seconds, cut at silences");
  static final Setting AUDIO_FILTER =
      Setting.of(
          "AUDIO_FILTER",
          "",
          "ffmpeg audio filters applied before transcription, e.g. loudnorm (empty: none; loudness"
              + " normalisation did not help pocketsphinx on the development clips)");
  static final Setting SILENCE_DB =
      Setting.of("AUDIO_SILENCE_DB", -35, "Audio below this level (dB) counts as silence");
  static final Setting SILENCE_SECONDS =
      Setting.of(
          "AUDIO_SILENCE_SECONDS", "0.3", "Shortest silence at which a recording may be cut");
  static final Setting DECODE_TIMEOUT =
      Setting.of(
          "AUDIO_DECODE_TIMEOUT_SECONDS",
          600,
          "Longest decoding of one file by ffmpeg, in seconds");
  static final Setting WORK_DIRECTORY =
      Setting.of(
          "AUDIO_WORK_DIRECTORY",
          "",
          "Where decoded audio is kept while a file is read (default: the temp directory); emptied"
              + " after every file");

  static final List<Setting> ALL =
      List.of(
          TRANSCRIBER,
          MAX_AUDIO_MINUTES,
          FFMPEG_PATH,
          FFPROBE_PATH,
          PIECE_SECONDS,
          AUDIO_FILTER,
          SILENCE_DB,
          SILENCE_SECONDS,
          DECODE_TIMEOUT,
          WORK_DIRECTORY);

  static AudioSettings from(PluginConfig config) {
    int maxMinutes = config.getInt(MAX_AUDIO_MINUTES);
    double piece = config.getDouble(PIECE_SECONDS);
    if (maxMinutes < 1) {
      throw new IllegalArgumentException("MAX_AUDIO_MINUTES must be at least 1, was " + maxMinutes);
    }
    if (piece < 5 || piece > 600) {
      throw new IllegalArgumentException("AUDIO_PIECE_SECONDS must be 5 to 600, was " + piece);
    }
    String work = config.get(WORK_DIRECTORY);
    return new AudioSettings(
        config.get(TRANSCRIBER).strip(),
        config.get(FFMPEG_PATH),
        config.get(FFPROBE_PATH),
        maxMinutes,
        piece,
        config.get(AUDIO_FILTER).strip(),
        config.getInt(SILENCE_DB),
        Math.clamp(config.getDouble(SILENCE_SECONDS), 0.05, 5.0),
        Duration.ofSeconds(Math.max(1, config.getInt(DECODE_TIMEOUT))),
        work.isBlank() ? Path.of(System.getProperty("java.io.tmpdir")) : Path.of(work));
  }

  /** The longest piece: a piece without a silence near the target is cut here. */
  double maxPieceSeconds() {
    return pieceSeconds * 1.5;
  }
}

package io.cogentx.plugins.loader.subtitles;

/** One subtitle: its time range in seconds and its text (lines joined by spaces, tags removed). */
record Cue(double startSeconds, double endSeconds, String text) {}

package io.cogentx.spi;

import java.util.Objects;

/**
 * A run of text from a document with where it came from. Chunks are cut from segments and keep
 * their provenance, so a citation can name the page or the time range.
 *
 * @param text the text
 * @param page 1-based page number, or {@code null} when the format has no pages
 * @param startSeconds start of the time range in audio, or {@code null}
 * @param endSeconds end of the time range in audio, or {@code null}
 */
public record Segment(String text, Integer page, Double startSeconds, Double endSeconds) {

  public Segment {
    Objects.requireNonNull(text, "text");
  }

  public static Segment of(String text) {
    return new Segment(text, null, null, null);
  }

  public static Segment onPage(int page, String text) {
    return new Segment(text, page, null, null);
  }

  public static Segment timed(double startSeconds, double endSeconds, String text) {
    return new Segment(text, null, startSeconds, endSeconds);
  }
}

package io.cogentx.spi;

import java.util.Objects;

/**
 * A run of text from a document with where it came from. Chunks are cut from segments and keep
 * their provenance, so a citation can name the page, the time range, or the place in the document
 * ("slide 2", "sheet Revenue", "section History").
 *
 * @param text the text
 * @param page 1-based page number, or {@code null} when the format has no pages
 * @param startSeconds start of the time range in audio, or {@code null}
 * @param endSeconds end of the time range in audio, or {@code null}
 * @param location where in the document the text sits, as a reader would name it (e.g. {@code
 *     "slide 2"}, {@code "sheet Revenue"}, {@code "section History › Founding"}, {@code "attachment
 *     notes.txt"}), or {@code null}; one line, shown with citations
 */
public record Segment(
    String text, Integer page, Double startSeconds, Double endSeconds, String location) {

  public Segment {
    Objects.requireNonNull(text, "text");
    if (location != null && location.isBlank()) {
      location = null;
    }
  }

  /** A segment without a location (the form before locations existed). */
  public Segment(String text, Integer page, Double startSeconds, Double endSeconds) {
    this(text, page, startSeconds, endSeconds, null);
  }

  public static Segment of(String text) {
    return new Segment(text, null, null, null, null);
  }

  public static Segment onPage(int page, String text) {
    return new Segment(text, page, null, null, null);
  }

  public static Segment timed(double startSeconds, double endSeconds, String text) {
    return new Segment(text, null, startSeconds, endSeconds, null);
  }

  /** A segment at a named place in the document, e.g. {@code at("slide 2", text)}. */
  public static Segment at(String location, String text) {
    return new Segment(text, null, null, null, location);
  }

  /** This segment at {@code location} instead. */
  public Segment withLocation(String location) {
    return new Segment(text, page, startSeconds, endSeconds, location);
  }
}

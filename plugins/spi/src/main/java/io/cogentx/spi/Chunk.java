package io.cogentx.spi;

import java.util.Objects;

/**
 * A piece of a document as indexed and as returned by search.
 *
 * @param documentId id of the document it belongs to
 * @param title the document's title
 * @param position 0-based index of the chunk within its document
 * @param text the chunk's text
 * @param startOffset offset of the first character in the document's extracted text
 * @param endOffset offset after the last character
 * @param page 1-based page, or {@code null}
 * @param startSeconds start of the audio time range, or {@code null}
 * @param endSeconds end of the audio time range, or {@code null}
 * @param location where in the document the chunk sits ({@link Segment#location()}, e.g. {@code
 *     "slide 2"}), or {@code null}; index backends store and return it
 */
public record Chunk(
    String documentId,
    String title,
    int position,
    String text,
    int startOffset,
    int endOffset,
    Integer page,
    Double startSeconds,
    Double endSeconds,
    String location) {

  public Chunk {
    Objects.requireNonNull(documentId, "documentId");
    Objects.requireNonNull(text, "text");
    if (location != null && location.isBlank()) {
      location = null;
    }
  }

  /** The same chunk under another document title. */
  public Chunk withTitle(String newTitle) {
    return new Chunk(
        documentId,
        newTitle,
        position,
        text,
        startOffset,
        endOffset,
        page,
        startSeconds,
        endSeconds,
        location);
  }

  /** Stable id of the chunk within its session. */
  public String id() {
    return documentId + ":" + position;
  }
}

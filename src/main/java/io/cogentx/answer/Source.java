package io.cogentx.answer;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.ScoredChunk;
import java.util.ArrayList;
import java.util.List;

/**
 * A retrieved chunk as an answer shows it: numbered from 1 in rank order, so that {@code [n]} in
 * the answer text points at it, with where it came from (page, time range, or a location such as
 * "slide 2").
 */
public record Source(
    int n,
    String documentId,
    String title,
    int position,
    Integer page,
    Double startSeconds,
    Double endSeconds,
    String location,
    String text,
    double score) {

  /** The hits numbered 1, 2, … in their order. */
  public static List<Source> number(List<ScoredChunk> hits) {
    List<Source> out = new ArrayList<>(hits.size());
    for (int i = 0; i < hits.size(); i++) {
      Chunk c = hits.get(i).chunk();
      out.add(
          new Source(
              i + 1,
              c.documentId(),
              c.title(),
              c.position(),
              c.page(),
              c.startSeconds(),
              c.endSeconds(),
              c.location(),
              c.text(),
              hits.get(i).score()));
    }
    return List.copyOf(out);
  }

  /** How a prompt names it: {@code [n] title, slide 2, page p}. */
  String label() {
    StringBuilder sb = new StringBuilder("[").append(n).append("] ");
    sb.append(title == null || title.isBlank() ? "untitled" : title);
    if (location != null) {
      sb.append(", ").append(location);
    }
    if (page != null) {
      sb.append(", page ").append(page);
    }
    if (startSeconds != null) {
      sb.append(String.format(java.util.Locale.ROOT, ", at %.0f s", startSeconds));
    }
    return sb.toString();
  }
}

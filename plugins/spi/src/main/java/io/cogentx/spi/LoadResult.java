package io.cogentx.spi;

import java.util.List;

/**
 * What a loader learned besides the segments.
 *
 * @param title the document's own title (metadata or first heading), or {@code null} to use the
 *     file name
 * @param warnings things the user should know, e.g. "pages 3, 4 have no text layer"
 */
public record LoadResult(String title, List<String> warnings) {

  public LoadResult {
    warnings = List.copyOf(warnings);
  }

  public static LoadResult titled(String title) {
    return new LoadResult(title, List.of());
  }
}

package io.cogentx.spi;

import java.util.Set;

/**
 * Turns one uploaded file into text segments with provenance (page, time range). Loaders stream:
 * they hand segments to the sink as they read, so a large file never has to be held whole. The
 * server chooses the loader from the file's content (a content detector), its declared type and its
 * name, in that order. Implementations are thread-safe.
 */
public interface DocumentLoader extends AutoCloseable {

  /**
   * Media types this loader reads, e.g. {@code application/pdf}. A loader also receives types the
   * server's detector knows as specialisations of these (e.g. {@code text/csv} of {@code
   * text/plain}) unless another loader names them.
   */
  Set<String> mediaTypes();

  /** File name extensions (lower case, no dot) this loader reads, e.g. {@code pdf}. */
  Set<String> fileExtensions();

  /**
   * What this loader's progress counts, singular, e.g. {@code page}, {@code minute} or {@code
   * part}; shown to users as "page 3 of 117".
   */
  default String progressUnit() {
    return "part";
  }

  /**
   * Reads the document, passing every segment to {@code sink} in reading order.
   *
   * @param progress told of each stage ("extracting" unit i of n, …); when it reports {@link
   *     Progress#cancelled()} the loader stops at its next unit (what it returns then is ignored)
   * @throws DocumentException when the content cannot be read; its reason and message are shown to
   *     the user
   */
  LoadResult load(LoadRequest request, SegmentSink sink, Progress progress)
      throws DocumentException;

  @Override
  default void close() {}
}

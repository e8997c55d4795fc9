package io.cogentx.spi;

import java.util.Set;

/**
 * Turns the bytes of one uploaded file into text segments with provenance (page, time range).
 * Loaders stream: they hand segments to the sink as they read, so a large file never has to be held
 * whole.
 */
public interface DocumentLoader extends Plugin {

  /** Media types this loader reads, e.g. {@code application/pdf}. */
  Set<String> mediaTypes();

  /** File name extensions (lower case, no dot) this loader reads, e.g. {@code pdf}. */
  Set<String> fileExtensions();

  /**
   * Reads the document, passing every segment to {@code sink} in reading order.
   *
   * @throws DocumentException when the content cannot be read; its reason and message are shown to
   *     the user
   */
  LoadResult load(LoadRequest request, SegmentSink sink) throws DocumentException;
}

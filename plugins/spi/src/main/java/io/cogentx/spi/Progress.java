package io.cogentx.spi;

/**
 * How a long step reports how far it is, and learns that the user cancelled. Separate from the
 * {@link SegmentSink}, which receives what was read.
 */
public interface Progress {

  /** Does nothing and never cancels. */
  Progress NONE = new Progress() {};

  /**
   * Progress of a stage, e.g. {@code ("extracting", 3, 117)} for page 3 of 117 when the loader's
   * {@link DocumentLoader#progressUnit()} is {@code page}.
   */
  default void report(String stage, int done, int total) {}

  /** True when the user cancelled: stop at the next page or segment. */
  default boolean cancelled() {
    return false;
  }
}

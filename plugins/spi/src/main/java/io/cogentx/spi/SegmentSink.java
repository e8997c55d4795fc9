package io.cogentx.spi;

/** Receives a loader's segments and progress as it reads. */
public interface SegmentSink {

  void accept(Segment segment);

  /** Progress of a stage, e.g. {@code ("extracting", 3, 117)} for page 3 of 117. */
  default void progress(String stage, int done, int total) {}

  /** True when the user cancelled: a loader should stop at the next page or segment. */
  default boolean cancelled() {
    return false;
  }
}

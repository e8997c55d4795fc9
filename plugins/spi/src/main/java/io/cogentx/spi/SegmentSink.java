package io.cogentx.spi;

/** Receives a loader's segments as it reads them, in reading order. */
@FunctionalInterface
public interface SegmentSink {

  void accept(Segment segment);
}

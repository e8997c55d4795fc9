package io.cogentx.plugins.loader.text;

import io.cogentx.spi.Progress;
import io.cogentx.spi.Segment;
import io.cogentx.spi.SegmentSink;
import java.util.ArrayList;
import java.util.List;

/** Keeps the segments a loader emits; can cancel after a number of segments. */
final class CollectingSink implements SegmentSink, Progress {

  final List<Segment> segments = new ArrayList<>();
  private final int cancelAfter;

  CollectingSink() {
    this(Integer.MAX_VALUE);
  }

  CollectingSink(int cancelAfter) {
    this.cancelAfter = cancelAfter;
  }

  @Override
  public void accept(Segment segment) {
    segments.add(segment);
  }

  @Override
  public boolean cancelled() {
    return segments.size() >= cancelAfter;
  }

  List<String> texts() {
    return segments.stream().map(Segment::text).toList();
  }

  String joined() {
    return String.join("\n\n", texts());
  }
}

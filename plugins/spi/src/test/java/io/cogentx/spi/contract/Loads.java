package io.cogentx.spi.contract;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.LoadResult;
import io.cogentx.spi.Progress;
import io.cogentx.spi.Segment;
import io.cogentx.spi.SegmentSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Helpers for loader tests: requests over bytes or files, and what a load produced. */
public final class Loads {

  private Loads() {}

  /** A request over {@code bytes}, stored in a temporary file deleted when the JVM exits. */
  public static LoadRequest request(byte[] bytes, String fileName, String mediaType) {
    return request(bytes, fileName, mediaType, Map.of());
  }

  public static LoadRequest request(
      byte[] bytes, String fileName, String mediaType, Map<String, String> options) {
    try {
      Path file = Files.createTempFile("cogentx-load-", ".bin");
      file.toFile().deleteOnExit();
      Files.write(file, bytes);
      return new LoadRequest(file, fileName, mediaType, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads with a sink and progress that record everything. */
  public static Result load(DocumentLoader loader, LoadRequest request) throws DocumentException {
    return load(loader, request, Integer.MAX_VALUE);
  }

  /** Loads, reporting cancellation once {@code cancelAfter} segments have arrived. */
  public static Result load(DocumentLoader loader, LoadRequest request, int cancelAfter)
      throws DocumentException {
    Recorder recorder = new Recorder(cancelAfter);
    LoadResult result = loader.load(request, recorder, recorder);
    return new Result(result, List.copyOf(recorder.segments), List.copyOf(recorder.reports));
  }

  /**
   * What a load produced.
   *
   * @param reports every progress report, as {@code stage done/total}
   */
  public record Result(LoadResult result, List<Segment> segments, List<String> reports) {

    public List<String> texts() {
      return segments.stream().map(Segment::text).toList();
    }

    public String joined() {
      return String.join("\n\n", texts());
    }
  }

  /** A sink and progress in one, cancelling after a number of segments. */
  public static final class Recorder implements SegmentSink, Progress {
    final List<Segment> segments = Collections.synchronizedList(new ArrayList<>());
    final List<String> reports = Collections.synchronizedList(new ArrayList<>());
    private final int cancelAfter;

    public Recorder(int cancelAfter) {
      this.cancelAfter = cancelAfter;
    }

    @Override
    public void accept(Segment segment) {
      segments.add(segment);
    }

    @Override
    public void report(String stage, int done, int total) {
      reports.add(stage + " " + done + "/" + total);
    }

    @Override
    public boolean cancelled() {
      return segments.size() >= cancelAfter;
    }
  }
}

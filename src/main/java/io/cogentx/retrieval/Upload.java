package io.cogentx.retrieval;

import io.cogentx.spi.LoadRequest;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * An upload as stored, with the loader chosen for it: what travels from the request through its job
 * to the index.
 *
 * @param file the stored bytes (the job deletes them, or keeps them as the document's file)
 * @param bytes their size
 * @param fileName the file's name, or {@code null} for pasted text
 * @param reading the loader that reads it and the media type it reads it as
 * @param title a title the user gave, or {@code null}
 * @param options loader options, e.g. {@code password} (never shown or logged)
 */
public record Upload(
    Path file,
    long bytes,
    String fileName,
    Loaders.Choice reading,
    String title,
    Map<String, String> options) {

  public Upload {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(reading, "reading");
    options = Map.copyOf(options);
  }

  /** What the loader's progress counts, e.g. {@code page}. */
  public String unit() {
    return reading.loader().loader().progressUnit();
  }

  /** The request the loader is given. */
  public LoadRequest loadRequest() {
    return new LoadRequest(file, fileName, reading.mediaType(), options);
  }
}

package io.cogentx.jobs;

import java.nio.file.Path;
import java.util.Map;

/**
 * An upload stored and waiting to be ingested.
 *
 * @param file the spooled bytes (deleted when the job ends)
 * @param bytes their size
 * @param fileName the file's name, or {@code null} for pasted text
 * @param mediaType the media type to read it as
 * @param title the title the user gave, or {@code null}
 * @param unit what the loader's progress counts, e.g. {@code page}
 * @param options loader options (e.g. {@code password}; never shown)
 */
public record JobRequest(
    Path file,
    long bytes,
    String fileName,
    String mediaType,
    String title,
    String unit,
    Map<String, String> options) {

  public JobRequest {
    options = Map.copyOf(options);
  }
}

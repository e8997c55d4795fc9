package io.cogentx.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One file to load. The server has stored the upload; a loader reads it as a file (seeking, as PDFs
 * need) or as a stream, and never deletes or moves it.
 *
 * @param file the stored upload (read-only for the loader)
 * @param fileName the name the user gave the file (may be empty, never a path to trust)
 * @param mediaType the media type detected from the content and name
 * @param options per-upload options, e.g. {@code password}
 */
public record LoadRequest(
    Path file, String fileName, String mediaType, Map<String, String> options) {

  public LoadRequest {
    Objects.requireNonNull(file, "file");
    fileName = fileName == null ? "" : fileName;
    options = Map.copyOf(options);
  }

  /** A new stream over the file's bytes; the caller closes it. */
  public InputStream openStream() throws IOException {
    return Files.newInputStream(file);
  }

  /** The file's size in bytes. */
  public long size() throws IOException {
    return Files.size(file);
  }

  public Optional<String> option(String key) {
    return Optional.ofNullable(options.get(key));
  }
}

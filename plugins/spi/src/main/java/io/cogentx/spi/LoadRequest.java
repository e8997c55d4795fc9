package io.cogentx.spi;

import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One file to load.
 *
 * @param content the file's bytes; the caller closes it
 * @param fileName the name the user gave the file (may be empty, never a path to trust)
 * @param mediaType the detected media type
 * @param options per-upload options, e.g. {@code password}
 */
public record LoadRequest(
    InputStream content, String fileName, String mediaType, Map<String, String> options) {

  public LoadRequest {
    Objects.requireNonNull(content, "content");
    fileName = fileName == null ? "" : fileName;
    options = Map.copyOf(options);
  }

  public Optional<String> option(String key) {
    return Optional.ofNullable(options.get(key));
  }
}

package io.cogentx.retrieval;

import java.io.InputStream;
import java.util.Map;

/**
 * A document as the user handed it over.
 *
 * @param content its bytes (the caller closes the stream)
 * @param fileName the file's name, or {@code null} for pasted text
 * @param mediaType the media type to read it as
 * @param title a title the user gave, or {@code null}
 * @param options loader options, e.g. {@code password}
 */
public record Upload(
    InputStream content,
    String fileName,
    String mediaType,
    String title,
    Map<String, String> options) {

  public Upload {
    options = Map.copyOf(options);
  }
}

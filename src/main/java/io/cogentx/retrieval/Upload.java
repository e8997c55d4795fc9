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
 * @param size the content's size in bytes, or -1 when unknown
 */
public record Upload(
    InputStream content,
    String fileName,
    String mediaType,
    String title,
    Map<String, String> options,
    long size) {

  public Upload {
    options = Map.copyOf(options);
  }

  /** An upload of unknown size. */
  public Upload(
      InputStream content,
      String fileName,
      String mediaType,
      String title,
      Map<String, String> options) {
    this(content, fileName, mediaType, title, options, -1);
  }
}

package io.cogentx.spi;

import java.io.IOException;
import java.io.InputStream;

/** A document's file as uploaded, as a store keeps it: read from any offset (byte ranges). */
public interface KeptFile {

  /** Its length in bytes. */
  long size() throws IOException;

  /** Its bytes from {@code offset} to the end; the caller closes the stream. */
  InputStream open(long offset) throws IOException;
}

package io.cogentx.plugins.loader.text;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentException.Reason;
import io.cogentx.spi.LoadRequest;
import java.io.IOException;

/** Reads a request's content; text files are bounded by the server's upload limit. */
final class Bytes {

  private Bytes() {}

  static byte[] readAll(LoadRequest request) throws DocumentException {
    try {
      try (java.io.InputStream in = request.openStream()) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new DocumentException(
          Reason.DAMAGED, "The file could not be read completely; please upload it again.", e);
    }
  }
}

package io.cogentx.plugins.loader.text;

import io.cogentx.spi.LoadRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** One temporary file the fuzz tests rewrite for every input (not a new file per input). */
final class FuzzInput {

  private static Path file;

  private FuzzInput() {}

  static synchronized LoadRequest request(byte[] bytes, String name, String mediaType) {
    try {
      if (file == null) {
        file = Files.createTempFile("cogentx-fuzz-", ".bin");
        file.toFile().deleteOnExit();
      }
      Files.write(file, bytes);
      return new LoadRequest(file, name, mediaType, Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

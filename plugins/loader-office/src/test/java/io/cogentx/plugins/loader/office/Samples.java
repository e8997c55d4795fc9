package io.cogentx.plugins.loader.office;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cogentx.spi.LoadRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The office sample files in shared/data/office (SOURCES.md, section 4): found from {@code
 * -Dcogentx.office.data}, shared/ beside the repository, or /work/shared. Tests that need them are
 * skipped when they are absent.
 */
final class Samples {

  private Samples() {}

  static Optional<Path> folder() {
    String configured = System.getProperty("cogentx.office.data");
    return Stream.of(
            configured == null ? null : Path.of(configured),
            Path.of("../../../shared/data/office"),
            Path.of("../shared/data/office"),
            Path.of("/work/shared/data/office"))
        .filter(p -> p != null && Files.isDirectory(p))
        .findFirst();
  }

  static Path file(String name) {
    Optional<Path> folder = folder();
    assumeTrue(folder.isPresent(), "shared/data/office not found: skipping");
    Path file = folder.get().resolve(name);
    assumeTrue(Files.isRegularFile(file), name + " not found: skipping");
    return file;
  }

  /** A request for a sample, with the media type the server's detector gives it. */
  static LoadRequest request(String name, String mediaType) {
    return request(name, mediaType, Map.of());
  }

  static LoadRequest request(String name, String mediaType, Map<String, String> options) {
    return new LoadRequest(file(name), name, mediaType, options);
  }

  static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(file(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

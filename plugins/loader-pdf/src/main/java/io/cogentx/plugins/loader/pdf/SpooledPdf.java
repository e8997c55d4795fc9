package io.cogentx.plugins.loader.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The uploaded bytes copied to a temporary file, so PDFBox can seek in them without holding the
 * whole file in memory. Deleted on {@link #close()}.
 */
final class SpooledPdf implements AutoCloseable {

  private final Path path;
  private final long size;

  private SpooledPdf(Path path, long size) {
    this.path = path;
    this.size = size;
  }

  /** Copies {@code content} to a new temporary file; the caller closes {@code content}. */
  static SpooledPdf spool(InputStream content) {
    Path file = null;
    try {
      file = Files.createTempFile("cogentx-pdf-", ".pdf");
      long size = Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
      return new SpooledPdf(file, size);
    } catch (IOException e) {
      deleteQuietly(file);
      throw new UncheckedIOException("Could not copy the upload to a temporary file", e);
    }
  }

  Path path() {
    return path;
  }

  long size() {
    return size;
  }

  @Override
  public void close() {
    deleteQuietly(path);
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      System.getLogger(SpooledPdf.class.getName())
          .log(System.Logger.Level.WARNING, "Could not delete temporary file " + file, e);
    }
  }
}

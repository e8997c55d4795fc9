package io.cogentx.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where uploads are stored between the request that brought them and the job that reads them: one
 * temporary file per upload in {@code UPLOAD_SPOOL_DIRECTORY}, deleted when its job ends. Files
 * left by a previous run (a crash) are deleted at start, as no job can read them any more.
 */
public final class UploadSpool {

  private static final Logger LOG = Logger.getLogger(UploadSpool.class.getName());
  private static final String PREFIX = "upload-";

  private final Path directory;

  public UploadSpool(Path directory) throws IOException {
    this.directory = Files.createDirectories(directory);
    purge();
  }

  public Path directory() {
    return directory;
  }

  /**
   * Copies the stream into a new file. On failure (e.g. the upload limit is passed while reading)
   * the partial file is deleted and the exception passed on.
   */
  public Path store(InputStream content) throws IOException {
    Path file = Files.createTempFile(directory, PREFIX, ".bin");
    try {
      Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException | RuntimeException e) {
      delete(file);
      throw e;
    }
  }

  public void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.log(Level.WARNING, e, () -> "Could not delete a stored upload " + file.getFileName());
    }
  }

  /** Files stored now. */
  public int count() throws IOException {
    int n = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, PREFIX + "*")) {
      for (Path ignored : files) {
        n++;
      }
    }
    return n;
  }

  private void purge() throws IOException {
    int purged = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, PREFIX + "*")) {
      for (Path file : files) {
        delete(file);
        purged++;
      }
    }
    if (purged > 0) {
      int n = purged;
      LOG.info(() -> "Deleted " + n + " uploads left over from a previous run");
    }
  }
}

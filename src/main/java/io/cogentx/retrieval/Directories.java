package io.cogentx.retrieval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/** Deleting a directory tree. */
final class Directories {

  private static final Logger LOG = Logger.getLogger(Directories.class.getName());

  private Directories() {}

  /** Deletes a directory and everything in it; a missing one (or {@code null}) is fine. */
  static void deleteTree(Path root) {
    if (root == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (NoSuchFileException gone) {
      // nothing to delete
    } catch (IOException e) {
      LOG.log(Level.WARNING, e, () -> "Could not delete a session's index");
    }
  }
}

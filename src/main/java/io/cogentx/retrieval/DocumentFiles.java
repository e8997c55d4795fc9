package io.cogentx.retrieval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of one session's documents as they were uploaded, one per document, in a directory of
 * the session's own (named by a hash of the session id, never the id). Kept for the session's life
 * so users can open what a citation points to; deleted with the document or the session.
 */
public final class DocumentFiles implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(DocumentFiles.class.getName());
  private static final Pattern DOCUMENT_ID = Pattern.compile("[0-9a-f]{16}");
  private static final Pattern SESSION_KEY = Pattern.compile("[0-9a-f]{64}");

  private final Path directory;

  /**
   * @param directory the session's directory; created when the first file is kept
   */
  public DocumentFiles(Path directory) {
    this.directory = directory;
  }

  /** Takes {@code file} (moved, not copied) as the document's file. */
  void keep(String documentId, Path file) throws IOException {
    Files.createDirectories(directory);
    Files.move(file, path(documentId), StandardCopyOption.REPLACE_EXISTING);
  }

  /** The document's file, if one is kept. */
  public Optional<Path> file(String documentId) {
    if (!DOCUMENT_ID.matcher(documentId).matches()) {
      return Optional.empty();
    }
    Path file = path(documentId);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  void delete(String documentId) {
    try {
      Files.deleteIfExists(path(documentId));
    } catch (IOException e) {
      LOG.log(Level.WARNING, e, () -> "Could not delete a document's file");
    }
  }

  private Path path(String documentId) {
    if (!DOCUMENT_ID.matcher(documentId).matches()) {
      throw new IllegalArgumentException("not a document id");
    }
    return directory.resolve(documentId);
  }

  /** Deletes every file and the directory. */
  @Override
  public void close() {
    deleteTree(directory);
  }

  /**
   * Deletes the session directories under {@code root} (names of 64 hex digits), leaving anything
   * else alone; for a start after which no earlier session exists.
   */
  public static void purgeSessions(Path root) {
    try (Stream<Path> children = Files.list(root)) {
      children
          .filter(p -> SESSION_KEY.matcher(p.getFileName().toString()).matches())
          .forEach(DocumentFiles::deleteTree);
    } catch (NoSuchFileException gone) {
      // nothing kept yet
    } catch (IOException e) {
      LOG.log(Level.WARNING, e, () -> "Could not clear " + root);
    }
  }

  /** Deletes a directory and everything in it; a missing one is fine. */
  public static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(DocumentFiles::deleteQuietly);
    } catch (NoSuchFileException gone) {
      // nothing to delete
    } catch (IOException e) {
      LOG.log(Level.WARNING, e, () -> "Could not delete the files of a session");
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.log(Level.WARNING, e, () -> "Could not delete " + path.getFileName());
    }
  }
}

package io.cogentx.plugins.store.disk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes that a crash cannot leave half done: the bytes go to a temporary file in the same
 * directory, which is forced to disk and renamed over the target; then the directory itself is
 * forced, so the rename is durable too. After a crash the target holds the old bytes or the new,
 * never a mix; leftover temporary files ({@value #TEMP_MARK} in the name) are deleted on the next
 * open.
 */
final class AtomicFiles {

  static final String TEMP_MARK = ".tmp-";

  private AtomicFiles() {}

  static void write(Path target, byte[] bytes) throws IOException {
    Path temp = target.resolveSibling(target.getFileName() + TEMP_MARK + UUID.randomUUID());
    try {
      try (FileChannel ch =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          ch.write(buffer);
        }
        ch.force(true);
      }
      move(temp, target);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    syncDirectory(target.getParent());
  }

  /** Renames atomically where the file system can (all local POSIX ones). */
  static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Forces a file's bytes to disk. */
  static void sync(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
  }

  /** Forces a directory's entries (creations, renames, deletions) to disk. */
  static void syncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // some file systems cannot open a directory for syncing; their renames are as durable as
      // they get
      if (!Files.isDirectory(dir)) {
        throw e;
      }
    }
  }
}

package io.cogentx.plugins.store.memory;

import io.cogentx.spi.SessionRef;
import io.cogentx.spi.SessionStorage;
import io.cogentx.spi.StoredSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Sessions in a map; their files in {@code root}, which is emptied at start and at the end. */
final class MemoryStorage implements SessionStorage {

  private static final Logger LOG = Logger.getLogger(MemoryStorage.class.getName());
  private static final Pattern SESSION_KEY = Pattern.compile("[0-9a-f]{64}");

  private final Path root;
  private final ConcurrentHashMap<String, MemorySession> sessions = new ConcurrentHashMap<>();

  MemoryStorage(Path root) {
    this.root = root;
    purgeSessions();
  }

  @Override
  public boolean durable() {
    return false;
  }

  @Override
  public boolean shared() {
    return false;
  }

  @Override
  public StoredSession open(SessionRef session, Instant now) {
    String key = session.storageKey();
    boolean[] created = new boolean[1];
    MemorySession s =
        sessions.computeIfAbsent(
            key,
            k -> {
              created[0] = true;
              return new MemorySession(root.resolve(k), now);
            });
    s.touch(now);
    return created[0] ? s : s.reopened();
  }

  @Override
  public List<String> expire(Instant now, Duration idleTimeout) {
    long cutoff = now.minus(idleTimeout).toEpochMilli();
    List<String> expired = new ArrayList<>();
    for (String key : sessions.keySet()) {
      MemorySession[] removed = new MemorySession[1];
      sessions.computeIfPresent(
          key,
          (k, s) -> {
            if (s.lastAccessMillis() >= cutoff) {
              return s;
            }
            removed[0] = s;
            return null;
          });
      if (removed[0] != null) {
        removed[0].destroy();
        expired.add(key);
      }
    }
    return expired;
  }

  @Override
  public boolean delete(String storageKey) {
    MemorySession removed = sessions.remove(storageKey);
    if (removed == null) {
      return false;
    }
    removed.destroy();
    return true;
  }

  @Override
  public long count() {
    return sessions.size();
  }

  /** Nothing outlives the server: every session's files are deleted. */
  @Override
  public void close() {
    for (String key : List.copyOf(sessions.keySet())) {
      delete(key);
    }
    purgeSessions();
  }

  /** Deletes the session directories under the root (names of 64 hex digits), nothing else. */
  private void purgeSessions() {
    try (Stream<Path> children = Files.list(root)) {
      children
          .filter(p -> SESSION_KEY.matcher(p.getFileName().toString()).matches())
          .forEach(MemoryStorage::deleteTree);
    } catch (NoSuchFileException gone) {
      // nothing kept yet
    } catch (IOException e) {
      LOG.log(Level.WARNING, e, () -> "Could not clear " + root);
    }
  }

  /** Deletes a directory and everything in it; a missing one is fine. */
  static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          LOG.log(Level.WARNING, e, () -> "Could not delete " + p.getFileName());
        }
      }
    } catch (NoSuchFileException gone) {
      // nothing to delete
    } catch (IOException e) {
      LOG.log(Level.WARNING, e, () -> "Could not delete the files of a session");
    }
  }
}

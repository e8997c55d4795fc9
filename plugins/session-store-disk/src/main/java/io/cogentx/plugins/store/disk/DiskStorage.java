package io.cogentx.plugins.store.disk;

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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sessions under one root directory. Nothing is read at start but leftovers of deletions a
 * crash interrupted; a session is read when opened. The sessions open now are known here, so expiry
 * judges them by their last use in memory and the others by their {@code session} file. Opening,
 * closing, expiring and deleting one session are serialised by a lock of its own (one of a fixed
 * set, chosen by its key).
 */
final class DiskStorage implements SessionStorage {

  private static final Logger LOG = Logger.getLogger(DiskStorage.class.getName());
  private static final Pattern SESSION_KEY = Pattern.compile("[0-9a-f]{64}");
  private static final String DELETED_MARK = ".deleted-";

  private final Path root;
  private final Keys keys;
  private final ConcurrentHashMap<String, DiskSession> open = new ConcurrentHashMap<>();
  private final ReentrantLock[] locks = new ReentrantLock[64];

  /**
   * @param keys derives sessions' keys when encrypting, else {@code null}
   */
  DiskStorage(Path root, Keys keys) throws IOException {
    this.root = Files.createDirectories(root);
    this.keys = keys;
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new ReentrantLock();
    }
    try (Stream<Path> children = Files.list(root)) {
      for (Path p : children.toList()) {
        if (p.getFileName().toString().contains(DELETED_MARK)) {
          deleteTree(p); // a deletion a crash interrupted: renamed first, so nothing else sees it
        }
      }
    }
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public boolean shared() {
    return false;
  }

  @Override
  public StoredSession open(SessionRef session, Instant now) throws IOException {
    String key = session.storageKey();
    ReentrantLock lock = lock(key);
    lock.lock();
    try {
      DiskSession s = open.get(key);
      if (s == null) {
        Sealer sealer =
            new Sealer(keys == null ? null : keys.sessionKey(session.id()), keys != null);
        s = DiskSession.open(this, key, root.resolve(key), sealer, now);
        open.put(key, s);
      } else {
        s.reopened();
      }
      s.opened++;
      s.touch(now);
      return s;
    } finally {
      lock.unlock();
    }
  }

  /** Called when a session is closed: the last close writes its last use and forgets it. */
  void closed(DiskSession s) throws IOException {
    ReentrantLock lock = lock(s.key());
    lock.lock();
    try {
      if (--s.opened <= 0 && open.remove(s.key(), s)) {
        s.flush();
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<String> expire(Instant now, Duration idleTimeout) throws IOException {
    long cutoff = now.minus(idleTimeout).toEpochMilli();
    List<String> expired = new ArrayList<>();
    for (Path dir : sessionDirectories()) {
      String key = dir.getFileName().toString();
      ReentrantLock lock = lock(key);
      lock.lock();
      try {
        DiskSession s = open.get(key);
        long last = s != null ? s.lastAccessMillis() : DiskSession.lastAccess(dir);
        if (last < 0) {
          // no record: a creation a crash interrupted, or not ours; judged by its age
          last = Files.getLastModifiedTime(dir).toMillis();
        }
        if (last < cutoff && remove(key)) {
          expired.add(key);
        }
      } catch (NoSuchFileException gone) {
        // deleted meanwhile
      } finally {
        lock.unlock();
      }
    }
    return expired;
  }

  @Override
  public boolean delete(String storageKey) throws IOException {
    if (!SESSION_KEY.matcher(storageKey).matches()) {
      return false;
    }
    ReentrantLock lock = lock(storageKey);
    lock.lock();
    try {
      return remove(storageKey);
    } finally {
      lock.unlock();
    }
  }

  /** Renames the directory away (one atomic step), then deletes it; false if there was none. */
  private boolean remove(String key) throws IOException {
    DiskSession s = open.remove(key);
    if (s != null) {
      s.markDeleted();
    }
    Path dir = root.resolve(key);
    if (!Files.isDirectory(dir)) {
      return false;
    }
    Path doomed = root.resolve(key + DELETED_MARK + UUID.randomUUID());
    AtomicFiles.move(dir, doomed);
    AtomicFiles.syncDirectory(root);
    deleteTree(doomed);
    return true;
  }

  @Override
  public long count() throws IOException {
    return sessionDirectories().size();
  }

  /** Writes the last use of every open session. */
  @Override
  public void close() {
    for (DiskSession s : List.copyOf(open.values())) {
      try {
        s.flush();
      } catch (IOException e) {
        LOG.log(Level.WARNING, e, () -> "Could not record a session's last use");
      }
    }
    open.clear();
  }

  private List<Path> sessionDirectories() throws IOException {
    try (Stream<Path> children = Files.list(root)) {
      return children
          .filter(p -> SESSION_KEY.matcher(p.getFileName().toString()).matches())
          .toList();
    }
  }

  private ReentrantLock lock(String key) {
    return locks[Math.floorMod(key.hashCode(), locks.length)];
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

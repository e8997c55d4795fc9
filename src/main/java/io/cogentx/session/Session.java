package io.cogentx.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One anonymous session: when it was created and last used, what it holds (counts for the admin
 * view), and the resources attached to it (its index and so on), which are closed when the session
 * ends. Thread-safe without locks on the request path.
 */
public final class Session {

  private static final Logger LOG = Logger.getLogger(Session.class.getName());

  private final SessionId id;
  private final String hash;
  private final Instant created;
  private final AtomicLong lastAccessMillis;
  private final AtomicLong documents = new AtomicLong();
  private final AtomicLong chunks = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final Map<Class<?>, AutoCloseable> attachments = new ConcurrentHashMap<>();
  private volatile boolean closed;

  Session(SessionId id, Instant created) {
    this.id = id;
    this.hash = id.hash();
    this.created = created;
    this.lastAccessMillis = new AtomicLong(created.toEpochMilli());
  }

  public SessionId id() {
    return id;
  }

  /** Short hash of the id: what logs and the admin view show instead of the id. */
  public String hash() {
    return hash;
  }

  public Instant created() {
    return created;
  }

  public Instant lastAccess() {
    return Instant.ofEpochMilli(lastAccessMillis.get());
  }

  public long documents() {
    return documents.get();
  }

  public long chunks() {
    return chunks.get();
  }

  /** Bytes of content held (extracted text and vectors), as reported by what was added. */
  public long bytes() {
    return bytes.get();
  }

  /** Records content added (positive) or removed (negative). */
  public void recordContent(long documentDelta, long chunkDelta, long byteDelta) {
    documents.addAndGet(documentDelta);
    chunks.addAndGet(chunkDelta);
    bytes.addAndGet(byteDelta);
  }

  /**
   * Marks the session used at {@code now}, unless it has ended; false if it has. Atomic with {@link
   * #closeIfIdle}, so a session is never both handed out as used and expired as idle.
   */
  synchronized boolean touchIfOpen(Instant now) {
    if (closed) {
      return false;
    }
    lastAccessMillis.accumulateAndGet(now.toEpochMilli(), Math::max);
    return true;
  }

  /** Ends the session if it has been idle for longer than {@code timeout}; true if it did. */
  synchronized boolean closeIfIdle(Duration timeout, Instant now) {
    if (closed || now.toEpochMilli() - lastAccessMillis.get() <= timeout.toMillis()) {
      return false;
    }
    closed = true;
    return true;
  }

  public boolean isClosed() {
    return closed;
  }

  /**
   * The resource of this type attached to the session, created on first use.
   *
   * @throws SessionClosedException when the session has ended
   */
  public <T extends AutoCloseable> T attachment(Class<T> type, Supplier<? extends T> factory) {
    ensureOpen();
    T value = type.cast(attachments.computeIfAbsent(type, t -> factory.get()));
    if (closed) {
      // ended while we were creating it: release it here, as close() may have run before it was
      // added
      closeQuietly(attachments.remove(type));
      throw new SessionClosedException();
    }
    return value;
  }

  /** The resource of this type, if one was attached. */
  public <T> Optional<T> attachment(Class<T> type) {
    return Optional.ofNullable(type.cast(attachments.get(type)));
  }

  private void ensureOpen() {
    if (closed) {
      throw new SessionClosedException();
    }
  }

  /** Ends the session now; always true (a condition for the store's removal). */
  synchronized boolean markClosed() {
    closed = true;
    return true;
  }

  /** Releases every attached resource. Called once the session is out of the store. */
  void close() {
    closed = true;
    for (Class<?> type : attachments.keySet()) {
      closeQuietly(attachments.remove(type));
    }
    documents.set(0);
    chunks.set(0);
    bytes.set(0);
  }

  private void closeQuietly(AutoCloseable resource) {
    if (resource == null) {
      return;
    }
    try {
      resource.close();
    } catch (Exception e) {
      LOG.log(
          Level.WARNING,
          e,
          () -> "Session " + hash + ": could not release " + resource.getClass().getSimpleName());
    }
  }
}

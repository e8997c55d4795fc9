package io.cogentx.session;

import io.cogentx.spi.StoredSession;
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
  private final StoredSession stored;
  private final AtomicLong storedVersion = new AtomicLong();
  private volatile boolean closed;

  Session(SessionId id, Instant created, StoredSession stored) {
    this.id = id;
    this.hash = id.hash();
    this.created = created;
    this.lastAccessMillis = new AtomicLong(created.toEpochMilli());
    this.stored = stored;
  }

  /**
   * What the session store holds of this session: its documents' records, chunks and files. Open
   * while the session is held; its data outlives it in a durable store.
   */
  public StoredSession stored() {
    return stored;
  }

  /**
   * The version of the session's documents in the store when it was last looked at: greater than
   * the one an attachment was built from when another server changed them.
   */
  public long storedVersion() {
    return storedVersion.get();
  }

  void storedVersion(long version) {
    storedVersion.accumulateAndGet(version, Math::max);
  }

  /**
   * An attachment that is in use although nobody has asked for the session lately (e.g. an upload
   * being indexed): while one says so, the session is not put away.
   */
  public interface Busy {
    boolean busy();
  }

  /** Whether an attachment is at work. */
  boolean busy() {
    return attachments.values().stream().anyMatch(a -> a instanceof Busy b && b.busy());
  }

  /** Replaces the recorded content counts, e.g. with what a store holds. */
  public void setContent(long documentCount, long chunkCount, long byteCount) {
    documents.set(documentCount);
    chunks.set(chunkCount);
    bytes.set(byteCount);
  }

  /**
   * Closes and forgets the attachment of this type, e.g. an index another server's change made
   * stale; it is created again on next use.
   */
  public void detach(Class<? extends AutoCloseable> type, AutoCloseable expected) {
    if (attachments.remove(type, expected)) {
      closeQuietly(expected);
    }
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

  /**
   * Ends the session if it has been idle for longer than {@code timeout} (and, if {@code
   * unlessBusy}, nothing attached is at work); true if it did.
   */
  synchronized boolean closeIfIdle(Duration timeout, Instant now, boolean unlessBusy) {
    if (closed
        || now.toEpochMilli() - lastAccessMillis.get() <= timeout.toMillis()
        || (unlessBusy && busy())) {
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

  /**
   * Releases every attached resource, then the stored session (its data stays in a durable store).
   * Called once the session is out of the registry.
   */
  void close() {
    closed = true;
    for (Class<?> type : attachments.keySet()) {
      closeQuietly(attachments.remove(type));
    }
    closeQuietly(stored);
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

package io.cogentx.spi;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where a server keeps its sessions: each session's record, documents, chunks with their vectors,
 * the files as uploaded and the uploads still being indexed. The server holds the sessions in use
 * in memory (their indexes built or reopened from here) and asks the storage for the others when a
 * request comes; a storage shared by several servers ({@link #shared()}) is the system of record of
 * all of them. Thread-safe.
 */
public interface SessionStorage extends AutoCloseable {

  /** Whether sessions outlive the server process; if not, a restart starts with none. */
  boolean durable();

  /**
   * Whether several servers may use this storage at once, so another may change or end a session
   * this one holds: the server then checks {@link StoredSession#touch} on every request.
   */
  boolean shared();

  /**
   * The stored session, created empty (created and last used {@code now}) if there is none; opening
   * counts as use.
   */
  StoredSession open(SessionRef session, Instant now) throws IOException;

  /**
   * Deletes every session whose last recorded use is more than {@code idleTimeout} before now and
   * returns their storage keys. The storage decides once for every server sharing it: a session is
   * deleted, and returned, by one call only, and one another server has used since is kept (last
   * uses are recorded with the clock of the server that saw them).
   */
  List<String> expire(Instant now, Duration idleTimeout) throws IOException;

  /** Deletes the session and everything it holds; false if there was none. */
  boolean delete(String storageKey) throws IOException;

  /** How many sessions are stored. */
  long count() throws IOException;

  @Override
  default void close() throws IOException {}
}

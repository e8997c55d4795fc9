package io.cogentx.spi;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One session as stored, open while the server holds the session. A document the store has taken
 * ({@link #addDocument} returned) is durable in a durable store: it survives a crash of the server
 * at any later moment. Writes of one session come from one thread at a time per document; reads may
 * run beside them.
 */
public interface StoredSession extends AutoCloseable {

  /** When the session was created. */
  Instant created();

  /** Whether this opening created the session (the store had none). */
  boolean isNew();

  /**
   * Records a use at {@code now} (a store may write it lazily, e.g. at most once a minute, and when
   * closed) and tells whether the session is still stored and what its documents' version is.
   *
   * @return the current {@link #version()}, or {@code -1} when the session is no longer stored
   *     (another server expired or deleted it)
   */
  long touch(Instant now) throws IOException;

  /**
   * A number that grows with every document added or removed, by any server sharing the store: a
   * server compares it with the version its index was built at to notice changes made elsewhere.
   */
  long version() throws IOException;

  /** The documents, in the order they were added. */
  List<StoredDocument> documents() throws IOException;

  /**
   * Takes a document durably: its record, its chunks with their vectors ({@code vectors[i]} of
   * {@code chunks.get(i)}) and, unless {@code file} is null, its file (moved, not copied). On
   * failure nothing is kept.
   *
   * @return the new {@link #version()}
   */
  long addDocument(StoredDocument document, List<Chunk> chunks, float[][] vectors, Path file)
      throws IOException;

  /**
   * Removes a document with its chunks and file.
   *
   * @return the new {@link #version()}, or {@code -1} if there was no such document
   */
  long removeDocument(String documentId) throws IOException;

  /**
   * The document's chunks and vectors as added, to rebuild an index from; empty when this store
   * keeps none (a store that is not {@link SessionStorage#durable()} need not).
   */
  Optional<DocumentChunks> chunks(String documentId) throws IOException;

  /** The document's file as uploaded, if kept. */
  Optional<KeptFile> file(String documentId) throws IOException;

  /**
   * A directory the server may keep this session's index in, reopening it next time instead of
   * rebuilding it from {@link #chunks}; empty: the index is kept in memory (e.g. the store
   * encrypts, and an index on disk would not be).
   */
  Optional<Path> indexDirectory();

  /** Records an upload taken but not yet indexed, until {@link #jobEnded}. */
  void jobQueued(PendingJob job) throws IOException;

  void jobEnded(String jobId) throws IOException;

  /**
   * Uploads recorded by {@link #jobQueued} and never ended: when read as a session is opened, those
   * a previous run of the server had taken and did not finish (it stopped or crashed).
   */
  List<PendingJob> pendingJobs() throws IOException;

  /** Releases what the store holds open for the session (files, memory); its data is kept. */
  @Override
  void close() throws IOException;
}

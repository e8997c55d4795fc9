package io.cogentx.plugins.store.memory;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.DocumentChunks;
import io.cogentx.spi.KeptFile;
import io.cogentx.spi.PendingJob;
import io.cogentx.spi.StoredDocument;
import io.cogentx.spi.StoredSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * One session in memory: its documents' records (the index holds their chunks) and their files in a
 * directory of its own.
 */
final class MemorySession implements StoredSession {

  private static final Pattern DOCUMENT_ID = Pattern.compile("[0-9a-f]{16}");

  private final Path directory;
  private final Instant created;
  private final AtomicLong lastAccess;
  private final AtomicLong version = new AtomicLong();
  private final Map<String, StoredDocument> documents = new LinkedHashMap<>();
  private final Map<String, PendingJob> jobs = new LinkedHashMap<>();
  private volatile boolean destroyed;
  private volatile boolean isNew = true;

  MemorySession(Path directory, Instant created) {
    this.directory = directory;
    this.created = created;
    this.lastAccess = new AtomicLong(created.toEpochMilli());
  }

  long lastAccessMillis() {
    return lastAccess.get();
  }

  @Override
  public Instant created() {
    return created;
  }

  @Override
  public boolean isNew() {
    return isNew;
  }

  /** This session, opened again: no longer new. */
  MemorySession reopened() {
    isNew = false;
    return this;
  }

  @Override
  public long touch(Instant now) {
    lastAccess.accumulateAndGet(now.toEpochMilli(), Math::max);
    return destroyed ? -1 : version.get();
  }

  @Override
  public long version() {
    return version.get();
  }

  @Override
  public synchronized List<StoredDocument> documents() {
    return List.copyOf(documents.values());
  }

  @Override
  public long addDocument(StoredDocument document, List<Chunk> chunks, float[][] vectors, Path file)
      throws IOException {
    if (file != null) {
      Files.createDirectories(directory);
      Files.move(file, path(document.id()), StandardCopyOption.REPLACE_EXISTING);
    }
    synchronized (this) {
      documents.put(document.id(), document);
    }
    return version.incrementAndGet();
  }

  @Override
  public long removeDocument(String documentId) throws IOException {
    synchronized (this) {
      if (documents.remove(documentId) == null) {
        return -1;
      }
    }
    Files.deleteIfExists(path(documentId));
    return version.incrementAndGet();
  }

  /** Chunks live in the index only: a session in memory is never rebuilt. */
  @Override
  public Optional<DocumentChunks> chunks(String documentId) {
    return Optional.empty();
  }

  @Override
  public Optional<KeptFile> file(String documentId) {
    synchronized (this) {
      if (!documents.containsKey(documentId)) {
        return Optional.empty();
      }
    }
    Path file = path(documentId);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return Optional.of(
        new KeptFile() {
          @Override
          public long size() throws IOException {
            return Files.size(file);
          }

          @Override
          public InputStream open(long offset) throws IOException {
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(offset);
            return in;
          }
        });
  }

  @Override
  public Optional<Path> indexDirectory() {
    return Optional.empty();
  }

  @Override
  public synchronized void jobQueued(PendingJob job) {
    jobs.put(job.id(), job);
  }

  @Override
  public synchronized void jobEnded(String jobId) {
    jobs.remove(jobId);
  }

  @Override
  public synchronized List<PendingJob> pendingJobs() {
    return new ArrayList<>(jobs.values());
  }

  /** Kept while the server runs. */
  @Override
  public void close() {}

  /** Deletes everything (expiry, deletion, shutdown). */
  void destroy() {
    destroyed = true;
    synchronized (this) {
      documents.clear();
      jobs.clear();
    }
    MemoryStorage.deleteTree(directory);
  }

  private Path path(String documentId) {
    if (!DOCUMENT_ID.matcher(documentId).matches()) {
      throw new IllegalArgumentException("not a document id");
    }
    return directory.resolve(documentId);
  }
}

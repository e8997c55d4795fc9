package io.cogentx.plugins.store.disk;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.DocumentChunks;
import io.cogentx.spi.KeptFile;
import io.cogentx.spi.PendingJob;
import io.cogentx.spi.StoredDocument;
import io.cogentx.spi.StoredSession;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One session's directory:
 *
 * <pre>
 * session                 created, last use, version (plain: read by expiry without the id)
 * documents/ID.chunks     the document's chunks and vectors
 * documents/ID.meta       its record, written last: the document exists once this exists
 * files/ID[.sealed]       its file as uploaded
 * jobs/JOB                uploads taken and not yet indexed
 * index/                  the server's Lucene index of the session (not when encrypting)
 * </pre>
 *
 * <p>Adding writes the file, then the chunks, then the record, each durably; removing deletes the
 * record first. So after a crash at any moment a document is either whole or absent (pieces without
 * a record are deleted on the next open). Writes are serialised per session.
 */
final class DiskSession implements StoredSession {

  private static final Logger LOG = Logger.getLogger(DiskSession.class.getName());
  private static final Pattern DOCUMENT_ID = Pattern.compile("[0-9a-f]{16}");
  private static final Pattern JOB_ID = Pattern.compile("[0-9A-Za-z-]{1,64}");
  static final String SESSION_FILE = "session";
  private static final long TOUCH_WRITE_MILLIS = 60_000;

  private final DiskStorage storage;
  private final String key;
  private final Path dir;
  private final Sealer sealer;
  private final Instant created;
  private final ReentrantLock writes = new ReentrantLock();
  private final Map<String, Records.Document> documents = new LinkedHashMap<>();
  private volatile long lastAccess;
  private volatile long writtenLastAccess;
  private volatile long version;
  private volatile boolean deleted;
  private volatile boolean isNew;
  int opened; // guarded by the storage's lock of this key

  private DiskSession(
      DiskStorage storage, String key, Path dir, Sealer sealer, Instant created, long lastAccess) {
    this.storage = storage;
    this.key = key;
    this.dir = dir;
    this.sealer = sealer;
    this.created = created;
    this.lastAccess = lastAccess;
    this.writtenLastAccess = lastAccess;
  }

  /** Opens the session's directory, creating it at {@code now} if absent. */
  static DiskSession open(DiskStorage storage, String key, Path dir, Sealer sealer, Instant now)
      throws IOException {
    Properties props = readProperties(dir);
    if (props == null) {
      Files.createDirectories(dir);
      DiskSession s = new DiskSession(storage, key, dir, sealer, now, now.toEpochMilli());
      s.isNew = true;
      s.writeSessionFile();
      AtomicFiles.syncDirectory(dir.getParent());
      return s;
    }
    DiskSession s =
        new DiskSession(
            storage,
            key,
            dir,
            sealer,
            Instant.parse(props.getProperty("created")),
            Long.parseLong(props.getProperty("last_access")));
    s.version = Long.parseLong(props.getProperty("version", "0"));
    s.load();
    return s;
  }

  /** The recorded last use, without opening the session; -1 if it has no record. */
  static long lastAccess(Path dir) {
    try {
      Properties p = readProperties(dir);
      return p == null ? -1 : Long.parseLong(p.getProperty("last_access"));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  long lastAccessMillis() {
    return lastAccess;
  }

  void markDeleted() {
    deleted = true;
  }

  private void load() throws IOException {
    Path docs = dir.resolve("documents");
    Set<String> known = new HashSet<>();
    List<Records.Document> found = new ArrayList<>();
    for (Path p : list(docs)) {
      String name = p.getFileName().toString();
      if (name.contains(AtomicFiles.TEMP_MARK)) {
        Files.deleteIfExists(p); // a write a crash interrupted
      } else if (name.endsWith(".meta")) {
        Records.Document d =
            Records.document(sealer.unseal(Files.readAllBytes(p), "documents/" + name));
        found.add(d);
        known.add(d.document().id());
        version = Math.max(version, d.sequence());
      }
    }
    found.sort(Comparator.comparingLong(Records.Document::sequence));
    found.forEach(d -> documents.put(d.document().id(), d));
    // pieces of documents whose record was never written (a crash while adding) or was deleted
    for (Path p : list(docs)) {
      if (!known.contains(stem(p))) {
        Files.deleteIfExists(p);
      }
    }
    for (Path p : list(dir.resolve("files"))) {
      if (!known.contains(stem(p)) || p.getFileName().toString().contains(AtomicFiles.TEMP_MARK)) {
        Files.deleteIfExists(p);
      }
    }
    if (sealer.encrypts()) {
      DiskStorage.deleteTree(dir.resolve("index")); // an index from before encryption was on
    }
  }

  private static String stem(Path p) {
    String name = p.getFileName().toString();
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  @Override
  public Instant created() {
    return created;
  }

  @Override
  public boolean isNew() {
    return isNew;
  }

  /** Opened again while open: no longer new. */
  void reopened() {
    isNew = false;
  }

  @Override
  public long touch(Instant now) throws IOException {
    long t = now.toEpochMilli();
    if (t > lastAccess) {
      lastAccess = t;
    }
    if (deleted) {
      return -1;
    }
    if (lastAccess - writtenLastAccess >= TOUCH_WRITE_MILLIS) {
      writes.lock();
      try {
        writeSessionFile();
      } finally {
        writes.unlock();
      }
    }
    return version;
  }

  @Override
  public long version() {
    return version;
  }

  @Override
  public List<StoredDocument> documents() {
    synchronized (documents) {
      return documents.values().stream().map(Records.Document::document).toList();
    }
  }

  @Override
  public long addDocument(StoredDocument document, List<Chunk> chunks, float[][] vectors, Path file)
      throws IOException {
    String id = documentId(document.id());
    writes.lock();
    try {
      requireNotDeleted();
      if (holds(id)) {
        throw new IllegalArgumentException("the session already holds a document with this id");
      }
      Path docs = Files.createDirectories(dir.resolve("documents"));
      Path files = Files.createDirectories(dir.resolve("files"));
      Path meta = docs.resolve(id + ".meta");
      Path chunkFile = docs.resolve(id + ".chunks");
      Path kept = null;
      try {
        if (file != null) {
          kept = sealer.sealFile(file, files.resolve(id), "files/" + id);
          AtomicFiles.sync(kept);
          AtomicFiles.syncDirectory(files);
        }
        AtomicFiles.write(
            chunkFile, sealer.seal(Records.chunks(chunks, vectors), "documents/" + id + ".chunks"));
        long next = version + 1;
        // the commit point: once the record is on disk, the document is
        AtomicFiles.write(
            meta, sealer.seal(Records.document(document, next), "documents/" + id + ".meta"));
        synchronized (documents) {
          documents.put(id, new Records.Document(document, next));
        }
        version = next;
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(meta);
        Files.deleteIfExists(chunkFile);
        if (kept != null) {
          Files.deleteIfExists(kept);
        }
        throw e;
      }
      writeSessionFile();
      return version;
    } finally {
      writes.unlock();
    }
  }

  @Override
  public long removeDocument(String documentId) throws IOException {
    String id = documentId(documentId);
    writes.lock();
    try {
      synchronized (documents) {
        if (!documents.containsKey(id)) {
          return -1;
        }
      }
      Path docs = dir.resolve("documents");
      Files.deleteIfExists(docs.resolve(id + ".meta"));
      AtomicFiles.syncDirectory(docs); // the commit point
      synchronized (documents) {
        documents.remove(id);
      }
      Files.deleteIfExists(docs.resolve(id + ".chunks"));
      Files.deleteIfExists(dir.resolve("files").resolve(id));
      Files.deleteIfExists(dir.resolve("files").resolve(id + Sealer.SEALED_SUFFIX));
      version++;
      writeSessionFile();
      return version;
    } finally {
      writes.unlock();
    }
  }

  @Override
  public Optional<DocumentChunks> chunks(String documentId) throws IOException {
    if (!holds(documentId)) {
      return Optional.empty();
    }
    String name = documentId + ".chunks";
    byte[] bytes = Files.readAllBytes(dir.resolve("documents").resolve(name));
    return Optional.of(Records.chunks(sealer.unseal(bytes, "documents/" + name)));
  }

  @Override
  public Optional<KeptFile> file(String documentId) {
    if (!holds(documentId)) {
      return Optional.empty();
    }
    Path files = dir.resolve("files");
    for (Path candidate :
        List.of(files.resolve(documentId), files.resolve(documentId + Sealer.SEALED_SUFFIX))) {
      if (Files.isRegularFile(candidate)) {
        return Optional.of(sealer.keptFile(candidate, "files/" + documentId));
      }
    }
    return Optional.empty();
  }

  private boolean holds(String documentId) {
    synchronized (documents) {
      return documents.containsKey(documentId);
    }
  }

  @Override
  public Optional<Path> indexDirectory() {
    return sealer.encrypts() ? Optional.empty() : Optional.of(dir.resolve("index"));
  }

  @Override
  public void jobQueued(PendingJob job) throws IOException {
    Path jobs = Files.createDirectories(dir.resolve("jobs"));
    String id = jobId(job.id());
    AtomicFiles.write(jobs.resolve(id), sealer.seal(Records.job(job), "jobs/" + id));
  }

  @Override
  public void jobEnded(String jobId) throws IOException {
    Path jobs = dir.resolve("jobs");
    if (Files.deleteIfExists(jobs.resolve(jobId(jobId)))) {
      AtomicFiles.syncDirectory(jobs);
    }
  }

  @Override
  public List<PendingJob> pendingJobs() throws IOException {
    List<PendingJob> out = new ArrayList<>();
    for (Path p : list(dir.resolve("jobs"))) {
      String name = p.getFileName().toString();
      if (name.contains(AtomicFiles.TEMP_MARK)) {
        Files.deleteIfExists(p);
        continue;
      }
      try {
        out.add(Records.job(sealer.unseal(Files.readAllBytes(p), "jobs/" + name)));
      } catch (IOException e) {
        LOG.log(Level.WARNING, e, () -> "Skipping an unreadable upload record");
      }
    }
    out.sort(Comparator.comparing(PendingJob::createdAt).thenComparing(PendingJob::id));
    return out;
  }

  /** Writes the last use if it changed, and lets the storage forget this session when unused. */
  @Override
  public void close() throws IOException {
    storage.closed(this);
  }

  String key() {
    return key;
  }

  /** Writes the last use, if newer than the one on disk. */
  void flush() throws IOException {
    if (!deleted && lastAccess != writtenLastAccess) {
      writes.lock();
      try {
        writeSessionFile();
      } finally {
        writes.unlock();
      }
    }
  }

  private void writeSessionFile() throws IOException {
    if (deleted) {
      return;
    }
    Properties p = new Properties();
    p.setProperty("format", "1");
    p.setProperty("created", created.toString());
    long access = lastAccess;
    p.setProperty("last_access", Long.toString(access));
    p.setProperty("version", Long.toString(version));
    StringWriter text = new StringWriter();
    p.store(text, null);
    AtomicFiles.write(dir.resolve(SESSION_FILE), text.toString().getBytes(StandardCharsets.UTF_8));
    writtenLastAccess = access;
  }

  private static Properties readProperties(Path dir) throws IOException {
    try {
      String text = Files.readString(dir.resolve(SESSION_FILE), StandardCharsets.UTF_8);
      Properties p = new Properties();
      p.load(new StringReader(text));
      return p.getProperty("created") == null ? null : p;
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private void requireNotDeleted() {
    if (deleted) {
      throw new IllegalStateException("the session was deleted");
    }
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    } catch (NoSuchFileException e) {
      return List.of();
    }
  }

  private static String documentId(String id) {
    if (!DOCUMENT_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("not a document id");
    }
    return id;
  }

  private static String jobId(String id) {
    if (!JOB_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("not a job id");
    }
    return id;
  }
}

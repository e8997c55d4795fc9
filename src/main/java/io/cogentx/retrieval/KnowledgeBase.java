package io.cogentx.retrieval;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.DocumentChunks;
import io.cogentx.spi.Embedder;
import io.cogentx.spi.IndexBackend;
import io.cogentx.spi.IndexSpec;
import io.cogentx.spi.KeptFile;
import io.cogentx.spi.ScoredChunk;
import io.cogentx.spi.SessionIndex;
import io.cogentx.spi.StoredDocument;
import io.cogentx.spi.StoredSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * One session's documents: their index, and their records, chunks and files in the session's store.
 * The store is the record of what the session holds; the index is built from it: reopened from the
 * store's index directory when it holds exactly the stored documents, rebuilt from the stored
 * chunks and vectors otherwise (after a crash, on a server that never saw the session, or when the
 * store keeps no index), without embedding again unless the vectors are another model's. Attached
 * to the session, so the index is closed when the session ends or is put away.
 */
public final class KnowledgeBase implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(KnowledgeBase.class.getName());

  private final SessionIndex index;
  private final StoredSession store;
  private final ConcurrentHashMap<String, DocumentInfo> documents = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Pending> indexing = new ConcurrentHashMap<>();
  private volatile long version;
  private volatile boolean stale;

  /**
   * A document being added: its chunks indexed so far, in order, and the vectors they got (by
   * position), kept until the document is stored whole.
   */
  private static final class Pending {
    final List<Chunk> chunks = new ArrayList<>();
    final Map<Integer, float[]> vectors = new java.util.HashMap<>();

    synchronized int chunkCount() {
      return chunks.size();
    }

    synchronized int embedded() {
      return vectors.size();
    }
  }

  /**
   * What is still being added: documents, their chunks indexed so far, and of those the ones
   * keyword search finds but vector search not yet (not embedded).
   */
  public record Indexing(int documents, int chunks, int chunksPending) {}

  private KnowledgeBase(SessionIndex index, StoredSession store, long version) {
    this.index = index;
    this.store = store;
    this.version = version;
  }

  /**
   * The session's knowledge base as its store holds it.
   *
   * @param spec the model and dimension of the index (its directory comes from the store)
   * @param embedder embeds the stored chunks again when their vectors are of another model
   */
  public static KnowledgeBase open(
      StoredSession store, IndexBackend backend, IndexSpec spec, Embedder embedder)
      throws IOException {
    long version = store.version();
    List<StoredDocument> stored = store.documents();
    Path directory = store.indexDirectory().orElse(null);
    IndexSpec indexSpec = new IndexSpec(spec.embeddingModel(), spec.dimension(), directory);
    SessionIndex index = openOrRecreate(backend, indexSpec);
    try {
      if (!holdsExactly(index, stored, spec)) {
        index.close();
        Directories.deleteTree(directory);
        index = backend.open(indexSpec);
        rebuild(index, store, stored, spec, embedder);
      }
    } catch (IOException | RuntimeException e) {
      index.close();
      throw e;
    }
    KnowledgeBase kb = new KnowledgeBase(index, store, version);
    for (StoredDocument d : stored) {
      kb.documents.put(d.id(), DocumentRecords.info(d));
    }
    return kb;
  }

  /** Opens the index; one that cannot be opened (damaged, another model's) is started anew. */
  private static SessionIndex openOrRecreate(IndexBackend backend, IndexSpec spec)
      throws IOException {
    try {
      return backend.open(spec);
    } catch (IOException | RuntimeException e) {
      if (spec.directory() == null) {
        throw e;
      }
      LOG.warning(() -> "A session's index could not be opened (" + e + "); rebuilding it");
      Directories.deleteTree(spec.directory());
      return backend.open(spec);
    }
  }

  /** Whether the index holds every stored document's chunks and nothing else. */
  private static boolean holdsExactly(
      SessionIndex index, List<StoredDocument> stored, IndexSpec spec) throws IOException {
    long total = 0;
    for (StoredDocument d : stored) {
      if (!compatible(d, spec) || index.chunkCount(d.id()) != d.chunks()) {
        return false;
      }
      total += d.chunks();
    }
    return index.size() == total;
  }

  private static void rebuild(
      SessionIndex index,
      StoredSession store,
      List<StoredDocument> stored,
      IndexSpec spec,
      Embedder embedder)
      throws IOException {
    for (StoredDocument d : stored) {
      DocumentChunks chunks =
          store
              .chunks(d.id())
              .orElseThrow(
                  () -> new IOException("the session store holds no chunks of a document"));
      float[][] vectors =
          compatible(d, spec)
              ? chunks.vectors()
              : embedder.embed(chunks.chunks().stream().map(Chunk::text).toList());
      index.add(chunks.chunks(), vectors);
    }
  }

  private static boolean compatible(StoredDocument d, IndexSpec spec) {
    return d.embeddingModel().equals(spec.embeddingModel()) && d.dimension() == spec.dimension();
  }

  public SessionIndex index() {
    return index;
  }

  /** The store's version this knowledge base holds, for noticing changes made elsewhere. */
  public long version() {
    return version;
  }

  /** Whether another server may have changed the session since this was loaded. */
  public boolean isStale(long storedVersion) {
    return stale || storedVersion > version;
  }

  /** Indexes chunks of a document being added, without vectors: keyword search finds them now. */
  void addChunks(String documentId, List<Chunk> chunks) throws IOException {
    if (chunks.isEmpty()) {
      return;
    }
    Pending pending = indexing.computeIfAbsent(documentId, id -> new Pending());
    index.add(chunks, new float[chunks.size()][]);
    synchronized (pending) {
      pending.chunks.addAll(chunks);
    }
  }

  /** Gives chunks of a document being added their vectors: vector search finds them now. */
  void addVectors(String documentId, List<Chunk> chunks, float[][] vectors) throws IOException {
    index.addVectors(chunks, vectors);
    Pending pending = indexing.get(documentId);
    if (pending != null) {
      synchronized (pending) {
        for (int i = 0; i < chunks.size(); i++) {
          pending.vectors.put(chunks.get(i).position(), vectors[i]);
        }
      }
    }
  }

  /**
   * Whether vector search can find {@code chunk}: false only for a chunk of a document being added
   * that has not got its vector yet.
   */
  public boolean embedded(Chunk chunk) {
    Pending pending = indexing.get(chunk.documentId());
    if (pending == null) {
      return true;
    }
    synchronized (pending) {
      return pending.vectors.containsKey(chunk.position());
    }
  }

  /**
   * Finishes adding a document whose chunks are all indexed with their vectors: stores its record,
   * chunks, vectors and file (moved) in the session's store — durably, in a durable store — and
   * lists it. On failure the document is removed again.
   */
  void complete(DocumentInfo document, Path file) throws IOException {
    Pending pending = indexing.get(document.id());
    try {
      if (pending == null) {
        throw new IllegalStateException("no chunks were indexed for this document");
      }
      List<Chunk> chunks;
      float[][] vectors;
      synchronized (pending) {
        chunks = List.copyOf(pending.chunks);
        vectors = new float[chunks.size()][];
        for (int i = 0; i < vectors.length; i++) {
          vectors[i] =
              Objects.requireNonNull(
                  pending.vectors.get(chunks.get(i).position()), "a chunk has no vector");
        }
      }
      IndexSpec spec = index.spec();
      long before = version;
      long after =
          store.addDocument(
              DocumentRecords.record(document, spec.embeddingModel(), spec.dimension()),
              chunks,
              vectors,
              file);
      documents.put(document.id(), document);
      indexing.remove(document.id());
      advance(before, after);
    } catch (IOException | RuntimeException e) {
      abort(document.id());
      throw e;
    }
  }

  /**
   * Adds a whole document at once (e.g. from an archive): indexes its chunks with their vectors and
   * stores it; on failure nothing is added.
   */
  public void add(DocumentInfo document, List<Chunk> chunks, float[][] vectors, Path file)
      throws IOException {
    try {
      addChunks(document.id(), chunks);
      addVectors(document.id(), chunks, vectors);
    } catch (IOException | RuntimeException e) {
      abort(document.id());
      throw e;
    }
    complete(document, file);
  }

  /** Removes everything a document being added had indexed. */
  void abort(String documentId) throws IOException {
    try {
      index.deleteDocument(documentId);
    } finally {
      indexing.remove(documentId);
    }
  }

  /** What is being added now, if anything. */
  public Optional<Indexing> indexing() {
    int chunks = 0;
    int pending = 0;
    for (Pending p : indexing.values()) {
      chunks += p.chunkCount();
      pending += Math.max(0, p.chunkCount() - p.embedded());
    }
    return indexing.isEmpty()
        ? Optional.empty()
        : Optional.of(new Indexing(indexing.size(), chunks, pending));
  }

  /**
   * The hits with their documents' titles: a chunk indexed while its document was read carries the
   * title known then (the name the user gave it); the document's own title may have been read
   * later.
   */
  public List<ScoredChunk> titled(List<ScoredChunk> hits) {
    List<ScoredChunk> out = new ArrayList<>(hits.size());
    for (ScoredChunk hit : hits) {
      DocumentInfo d = documents.get(hit.chunk().documentId());
      Chunk c = hit.chunk();
      out.add(
          d == null || Objects.equals(d.title(), c.title())
              ? hit
              : new ScoredChunk(c.withTitle(d.title()), hit.score()));
    }
    return out;
  }

  /** The file the document was uploaded as, if it is kept. */
  public Optional<KeptFile> file(String documentId) throws IOException {
    return documents.containsKey(documentId) ? store.file(documentId) : Optional.empty();
  }

  /** Removes the document and its chunks; empty if this session has no such document. */
  public Optional<DocumentInfo> remove(String documentId) throws IOException {
    DocumentInfo removed = documents.remove(documentId);
    if (removed != null) {
      long before = version;
      long after = store.removeDocument(documentId);
      index.deleteDocument(documentId);
      if (after >= 0) {
        advance(before, after);
      }
    }
    return Optional.ofNullable(removed);
  }

  /** Our own change moved the version by one; more means another server changed it too. */
  private void advance(long before, long after) {
    if (after != before + 1) {
      stale = true;
    }
    version = after;
  }

  public Optional<DocumentInfo> document(String documentId) {
    return Optional.ofNullable(documents.get(documentId));
  }

  /** The documents, oldest first. */
  public List<DocumentInfo> documents() {
    return documents.values().stream()
        .sorted(Comparator.comparing(DocumentInfo::addedAt).thenComparing(DocumentInfo::id))
        .toList();
  }

  /** Every document with its chunks and their vectors (as indexed), e.g. for an export. */
  public List<Exported> export() throws IOException {
    java.util.Map<String, List<Chunk>> chunks = new java.util.HashMap<>();
    java.util.Map<String, List<float[]>> vectors = new java.util.HashMap<>();
    index.forEachChunk(
        (chunk, vector) -> {
          chunks.computeIfAbsent(chunk.documentId(), k -> new ArrayList<>()).add(chunk);
          vectors.computeIfAbsent(chunk.documentId(), k -> new ArrayList<>()).add(vector);
        });
    List<Exported> out = new ArrayList<>();
    for (DocumentInfo d : documents()) {
      List<Chunk> cs = chunks.getOrDefault(d.id(), List.of());
      List<float[]> vs = vectors.getOrDefault(d.id(), List.of());
      Integer[] order = new Integer[cs.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(order, Comparator.comparingInt(i -> cs.get(i).position()));
      List<Chunk> sorted = new ArrayList<>();
      float[][] sortedVectors = new float[order.length][];
      for (int i = 0; i < order.length; i++) {
        sorted.add(cs.get(order[i]));
        sortedVectors[i] = vs.get(order[i]);
      }
      out.add(new Exported(d, new DocumentChunks(sorted, sortedVectors)));
    }
    return out;
  }

  /** A document with its chunks, as exported. */
  public record Exported(DocumentInfo document, DocumentChunks chunks) {}

  public int documentCount() {
    return documents.size();
  }

  public int chunkCount() {
    return index.size();
  }

  /** Closes the index; the store keeps the documents (the session owns and closes the store). */
  @Override
  public void close() throws IOException {
    documents.clear();
    indexing.clear();
    index.close();
  }
}

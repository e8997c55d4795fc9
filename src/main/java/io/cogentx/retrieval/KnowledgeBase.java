package io.cogentx.retrieval;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.DocumentChunks;
import io.cogentx.spi.Embedder;
import io.cogentx.spi.IndexBackend;
import io.cogentx.spi.IndexSpec;
import io.cogentx.spi.KeptFile;
import io.cogentx.spi.SessionIndex;
import io.cogentx.spi.StoredDocument;
import io.cogentx.spi.StoredSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
  private volatile long version;
  private volatile boolean stale;

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

  /**
   * Stores a document's record, chunks, vectors and file (moved), durably in a durable store, then
   * indexes its chunks and lists it; on failure nothing is added.
   */
  void add(DocumentInfo document, List<Chunk> chunks, float[][] vectors, Path file)
      throws IOException {
    IndexSpec spec = index.spec();
    long before = version;
    long after =
        store.addDocument(
            DocumentRecords.record(document, spec.embeddingModel(), spec.dimension()),
            chunks,
            vectors,
            file);
    try {
      index.add(chunks, vectors);
    } catch (IOException | RuntimeException e) {
      store.removeDocument(document.id());
      throw e;
    }
    documents.put(document.id(), document);
    advance(before, after);
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
    index.close();
  }
}

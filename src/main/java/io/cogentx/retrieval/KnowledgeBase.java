package io.cogentx.retrieval;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.ScoredChunk;
import io.cogentx.spi.SessionIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One session's documents: their index and their files as uploaded. A document being added is
 * searchable while it is read: its chunks are indexed as they are cut (keyword search finds them at
 * once) and get their vectors as they are embedded; until it is {@link #complete complete} it is
 * not listed, and {@link #abort} removes what it had indexed. Attached to the session, so it is
 * closed (the index freed, the files deleted) when the session ends.
 */
public final class KnowledgeBase implements AutoCloseable {

  private final SessionIndex index;
  private final DocumentFiles files;
  private final ConcurrentHashMap<String, DocumentInfo> documents = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Pending> indexing = new ConcurrentHashMap<>();

  /** A document being added: chunks indexed and chunks embedded so far. */
  private static final class Pending {
    final AtomicInteger chunks = new AtomicInteger();
    final AtomicInteger embedded = new AtomicInteger();
  }

  /**
   * What is still being added: documents, their chunks indexed so far, and of those the ones
   * keyword search finds but vector search not yet (not embedded).
   */
  public record Indexing(int documents, int chunks, int chunksPending) {}

  public KnowledgeBase(SessionIndex index, DocumentFiles files) {
    this.index = index;
    this.files = files;
  }

  public SessionIndex index() {
    return index;
  }

  /** Indexes chunks of a document being added, without vectors: keyword search finds them now. */
  void addChunks(String documentId, List<Chunk> chunks) throws IOException {
    if (chunks.isEmpty()) {
      return;
    }
    Pending pending = indexing.computeIfAbsent(documentId, id -> new Pending());
    index.add(chunks, new float[chunks.size()][]);
    pending.chunks.addAndGet(chunks.size());
  }

  /** Gives chunks of a document being added their vectors: vector search finds them now. */
  void addVectors(String documentId, List<Chunk> chunks, float[][] vectors) throws IOException {
    index.addVectors(chunks, vectors);
    Pending pending = indexing.get(documentId);
    if (pending != null) {
      pending.embedded.addAndGet(chunks.size());
    }
  }

  /**
   * Finishes adding a document whose chunks are all indexed with their vectors: keeps {@code file}
   * (moved) as its file and lists it. On failure the document is removed again.
   */
  void complete(DocumentInfo document, Path file) throws IOException {
    try {
      files.keep(document.id(), file);
    } catch (IOException | RuntimeException e) {
      abort(document.id());
      throw e;
    }
    documents.put(document.id(), document);
    indexing.remove(document.id());
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
      chunks += p.chunks.get();
      pending += Math.max(0, p.chunks.get() - p.embedded.get());
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
  public Optional<Path> file(String documentId) {
    return documents.containsKey(documentId) ? files.file(documentId) : Optional.empty();
  }

  /** Removes the document and its chunks; empty if this session has no such document. */
  public Optional<DocumentInfo> remove(String documentId) throws IOException {
    DocumentInfo removed = documents.remove(documentId);
    if (removed != null) {
      index.deleteDocument(documentId);
      files.delete(documentId);
    }
    return Optional.ofNullable(removed);
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

  public int documentCount() {
    return documents.size();
  }

  public int chunkCount() {
    return index.size();
  }

  @Override
  public void close() throws IOException {
    documents.clear();
    indexing.clear();
    try {
      index.close();
    } finally {
      files.close();
    }
  }
}

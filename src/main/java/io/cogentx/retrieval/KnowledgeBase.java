package io.cogentx.retrieval;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.SessionIndex;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One session's documents and their index. Attached to the session, so it is closed (and the index
 * freed) when the session ends.
 */
public final class KnowledgeBase implements AutoCloseable {

  private final SessionIndex index;
  private final ConcurrentHashMap<String, DocumentInfo> documents = new ConcurrentHashMap<>();

  public KnowledgeBase(SessionIndex index) {
    this.index = index;
  }

  public SessionIndex index() {
    return index;
  }

  /** Indexes a document's chunks with their vectors and lists it. */
  void add(DocumentInfo document, List<Chunk> chunks, float[][] vectors) throws IOException {
    index.add(chunks, vectors);
    documents.put(document.id(), document);
  }

  /** Removes the document and its chunks; empty if this session has no such document. */
  public Optional<DocumentInfo> remove(String documentId) throws IOException {
    DocumentInfo removed = documents.remove(documentId);
    if (removed != null) {
      index.deleteDocument(documentId);
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
    index.close();
  }
}

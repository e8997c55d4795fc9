package io.cogentx.retrieval;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.SessionIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One session's documents: their index and their files as uploaded. Attached to the session, so it
 * is closed (the index freed, the files deleted) when the session ends.
 */
public final class KnowledgeBase implements AutoCloseable {

  private final SessionIndex index;
  private final DocumentFiles files;
  private final ConcurrentHashMap<String, DocumentInfo> documents = new ConcurrentHashMap<>();

  public KnowledgeBase(SessionIndex index, DocumentFiles files) {
    this.index = index;
    this.files = files;
  }

  public SessionIndex index() {
    return index;
  }

  /**
   * Indexes a document's chunks with their vectors, keeps {@code file} (moved) as its file, and
   * lists it; on failure nothing is added.
   */
  void add(DocumentInfo document, List<Chunk> chunks, float[][] vectors, Path file)
      throws IOException {
    index.add(chunks, vectors);
    try {
      files.keep(document.id(), file);
    } catch (IOException | RuntimeException e) {
      index.deleteDocument(document.id());
      throw e;
    }
    documents.put(document.id(), document);
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
    try {
      index.close();
    } finally {
      files.close();
    }
  }
}

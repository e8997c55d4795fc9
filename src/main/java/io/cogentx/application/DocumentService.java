package io.cogentx.application;

import io.cogentx.retrieval.DocumentInfo;
import io.cogentx.retrieval.KnowledgeBase;
import io.cogentx.retrieval.Retriever;
import io.cogentx.retrieval.SearchMode;
import io.cogentx.retrieval.Upload;
import io.cogentx.session.Session;
import io.cogentx.spi.DocumentException;
import io.cogentx.spi.Progress;
import io.cogentx.spi.ScoredChunk;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * A session's documents, their files and search over them. Each session gets its own {@link
 * KnowledgeBase} (its own index), attached to the session so it is freed when the session ends;
 * nothing here can reach another session's.
 */
@ApplicationScoped
public class DocumentService {

  @Inject RetrievalRuntime runtime;

  /**
   * Reads, chunks, embeds and indexes an upload into the session; a failure or cancellation adds
   * nothing.
   *
   * @param progress told of each stage's progress, and asked whether to stop
   */
  public DocumentInfo add(Session session, Upload upload, Progress progress)
      throws DocumentException, IOException {
    DocumentInfo document = runtime.ingestor().ingest(knowledgeBase(session), upload, progress);
    session.recordContent(1, document.chunks(), document.bytes());
    return document;
  }

  public List<DocumentInfo> list(Session session) {
    return existing(session).map(KnowledgeBase::documents).orElse(List.of());
  }

  public Optional<DocumentInfo> find(Session session, String documentId) {
    return existing(session).flatMap(kb -> kb.document(documentId));
  }

  public Optional<DocumentInfo> remove(Session session, String documentId) throws IOException {
    Optional<KnowledgeBase> kb = existing(session);
    if (kb.isEmpty()) {
      return Optional.empty();
    }
    Optional<DocumentInfo> removed = kb.get().remove(documentId);
    removed.ifPresent(d -> session.recordContent(-1, -d.chunks(), -d.bytes()));
    return removed;
  }

  public List<ScoredChunk> search(Session session, String query, int k, SearchMode mode)
      throws IOException {
    Optional<KnowledgeBase> kb = existing(session);
    if (kb.isEmpty()) {
      return List.of();
    }
    return kb.get().titled(runtime.retriever().search(kb.get().index(), query, k, mode));
  }

  /** The best chunks for a question with the evidence behind them; only this session's. */
  public Retriever.Retrieval retrieve(Session session, String question, int k, SearchMode mode)
      throws IOException {
    Optional<KnowledgeBase> kb = existing(session);
    if (kb.isEmpty()) {
      return new Retriever.Retrieval(List.of(), List.of(), List.of());
    }
    Retriever.Retrieval found = runtime.retriever().retrieve(kb.get().index(), question, k, mode);
    return new Retriever.Retrieval(
        kb.get().titled(found.hits()),
        kb.get().titled(found.keyword()),
        kb.get().titled(found.vector()),
        found.vocabulary());
  }

  /** What the session is still adding (searchable in part while it is read and embedded). */
  public Optional<KnowledgeBase.Indexing> indexing(Session session) {
    return existing(session).flatMap(KnowledgeBase::indexing);
  }

  /** A document's file as uploaded, if the session holds the document and its file is kept. */
  public Optional<StoredFile> file(Session session, String documentId) {
    return existing(session)
        .flatMap(
            kb ->
                kb.document(documentId)
                    .flatMap(d -> kb.file(documentId).map(path -> new StoredFile(d, path))));
  }

  /** A document's file: where it is, and the document it belongs to. */
  public record StoredFile(DocumentInfo document, java.nio.file.Path path) {}

  private Optional<KnowledgeBase> existing(Session session) {
    return session.attachment(KnowledgeBase.class);
  }

  private KnowledgeBase knowledgeBase(Session session) {
    return session.attachment(
        KnowledgeBase.class,
        () -> {
          try {
            return runtime.newKnowledgeBase(session);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}

package io.cogentx.application;

import io.cogentx.retrieval.DocumentInfo;
import io.cogentx.retrieval.KnowledgeBase;
import io.cogentx.retrieval.Retriever;
import io.cogentx.retrieval.SearchMode;
import io.cogentx.retrieval.SessionArchive;
import io.cogentx.retrieval.Upload;
import io.cogentx.session.Session;
import io.cogentx.spi.DocumentException;
import io.cogentx.spi.KeptFile;
import io.cogentx.spi.Progress;
import io.cogentx.spi.ScoredChunk;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
  @Inject RetrievalSettings settings;
  @Inject IngestSettings ingestSettings;

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

  public List<DocumentInfo> list(Session session) throws IOException {
    return existing(session).map(KnowledgeBase::documents).orElse(List.of());
  }

  public Optional<DocumentInfo> find(Session session, String documentId) throws IOException {
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

  /**
   * The best chunks for a question with the evidence behind them; only this session's. Hits of a
   * document still being embedded are embedded on the spot ({@link Retriever#retrieve(
   * io.cogentx.spi.SessionIndex, String, int, SearchMode, java.util.function.Predicate)}).
   */
  public Retriever.Retrieval retrieve(Session session, String question, int k, SearchMode mode)
      throws IOException {
    Optional<KnowledgeBase> kb = existing(session);
    if (kb.isEmpty()) {
      return new Retriever.Retrieval(List.of(), List.of(), List.of());
    }
    Retriever.Retrieval found =
        runtime.retriever().retrieve(kb.get().index(), question, k, mode, kb.get()::embedded);
    return new Retriever.Retrieval(
        kb.get().titled(found.hits()),
        kb.get().titled(found.keyword()),
        kb.get().titled(found.vector()),
        found.vocabulary());
  }

  /** What the session is still adding (searchable in part while it is read and embedded). */
  public Optional<KnowledgeBase.Indexing> indexing(Session session) {
    // only the knowledge base attached can be adding a document
    return session.attachment(KnowledgeBase.class).flatMap(KnowledgeBase::indexing);
  }

  /**
   * Writes the session as an archive ({@link SessionArchive}): every document, chunk, vector, file.
   */
  public void export(Session session, OutputStream out) throws IOException {
    Optional<KnowledgeBase> kb = existing(session);
    if (kb.isEmpty()) {
      SessionArchive.write(emptyKnowledgeBase(session), out, Instant.now());
      return;
    }
    SessionArchive.write(kb.get(), out, Instant.now());
  }

  /**
   * Adds the documents of an archive to the session, checked against the session's limits.
   *
   * @param reembed embed the chunks' text again when the archive's model is not the server's (else
   *     such an archive is refused)
   */
  public List<DocumentInfo> importArchive(Session session, InputStream in, boolean reembed)
      throws IOException {
    Path temp =
        Files.createTempDirectory(
            Files.createDirectories(ingestSettings.spoolDirectory()), "import-");
    try {
      SessionArchive.Limits limits =
          new SessionArchive.Limits(
              4 * settings.maxUploadBytes(), settings.maxDocuments(), settings.maxChunks());
      SessionArchive.Contents contents = SessionArchive.read(in, limits, temp);
      KnowledgeBase kb = knowledgeBase(session);
      List<DocumentInfo> added =
          SessionArchive.restore(kb, contents, runtime.embedder(), reembed, limits);
      for (DocumentInfo d : added) {
        session.recordContent(1, d.chunks(), d.bytes());
      }
      return added;
    } finally {
      deleteTree(temp);
    }
  }

  private KnowledgeBase emptyKnowledgeBase(Session session) throws IOException {
    return knowledgeBase(session);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** A document's file as uploaded, if the session holds the document and its file is kept. */
  public Optional<StoredFile> file(Session session, String documentId) throws IOException {
    Optional<KnowledgeBase> kb = existing(session);
    Optional<DocumentInfo> document = kb.flatMap(k -> k.document(documentId));
    if (document.isEmpty()) {
      return Optional.empty();
    }
    return kb.get().file(documentId).map(file -> new StoredFile(document.get(), file));
  }

  /** A document's file as kept, and the document it belongs to. */
  public record StoredFile(DocumentInfo document, KeptFile file) {}

  /**
   * The session's knowledge base if it holds documents: the one attached, or opened from the
   * session store (after a restart, on a server new to the session, or when the one attached is
   * stale because another server changed the session).
   */
  private Optional<KnowledgeBase> existing(Session session) throws IOException {
    Optional<KnowledgeBase> kb = session.attachment(KnowledgeBase.class);
    if (kb.isPresent() && !kb.get().isStale(session.storedVersion())) {
      return kb;
    }
    if (kb.isEmpty() && session.documents() == 0 && session.storedVersion() == 0) {
      return Optional.empty();
    }
    return Optional.of(knowledgeBase(session));
  }

  private KnowledgeBase knowledgeBase(Session session) throws IOException {
    session
        .attachment(KnowledgeBase.class)
        .filter(kb -> kb.isStale(session.storedVersion()))
        .ifPresent(stale -> session.detach(KnowledgeBase.class, stale));
    try {
      return session.attachment(
          KnowledgeBase.class,
          () -> {
            try {
              KnowledgeBase kb = runtime.openKnowledgeBase(session);
              List<DocumentInfo> held = kb.documents();
              session.setContent(
                  held.size(),
                  held.stream().mapToLong(DocumentInfo::chunks).sum(),
                  held.stream().mapToLong(DocumentInfo::bytes).sum());
              return kb;
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}

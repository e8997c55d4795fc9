package io.cogentx.retrieval;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.DocumentException;
import io.cogentx.spi.Embedder;
import io.cogentx.spi.LoadResult;
import io.cogentx.spi.Progress;
import io.cogentx.spi.Segment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Adds one upload to a session, searchable while it is read: its chosen loader reads segments, the
 * chunker cuts them into chunks page by page, and the chunks go into the session's index as they
 * are cut (keyword search finds them at once, in batches at most {@value #FLUSH_MILLIS} ms apart);
 * then the embedder embeds them slice by slice and vector search finds each slice as it is done. A
 * failed or cancelled upload removes what it had indexed, so the session is left as it was.
 */
public final class Ingestor {

  /**
   * Chunks embedded per call: progress is reported and cancellation checked after each slice, and
   * each slice is one turn in the {@link FairEmbedder}'s queue.
   */
  static final int EMBEDDING_SLICE = 32;

  /** Longest time cut chunks wait before they are indexed while the document is being read. */
  static final long FLUSH_MILLIS = 250;

  private final Embedder embedder;
  private final Chunker chunker;
  private final int maxChunks;
  private final Clock clock;

  /**
   * @param maxChunks most chunks one session holds
   */
  public Ingestor(Embedder embedder, Chunker chunker, int maxChunks, Clock clock) {
    this.embedder = embedder;
    this.chunker = chunker;
    this.maxChunks = maxChunks;
    this.clock = clock;
  }

  /**
   * Reads, chunks, indexes and embeds the upload into {@code kb}.
   *
   * @param progress told of each stage's progress (the loader's units, {@code chunking}, {@code
   *     embedding} chunk c of m, {@code indexed}); when it reports {@link Progress#cancelled()},
   *     the loader stops at its next unit and nothing is kept
   * @throws DocumentException when the content cannot be read (the message is for the user)
   * @throws QuotaExceededException when the session would hold too many chunks
   * @throws IngestCancelledException when cancelled; the session is unchanged
   */
  public DocumentInfo ingest(KnowledgeBase kb, Upload upload, Progress progress)
      throws DocumentException, IOException {
    EmbeddingMismatchException.requireCompatible(kb.index().spec(), embedder);
    String id = newDocumentId();
    String named = firstNonBlank(upload.title(), upload.fileName(), "Untitled");
    Reading reading = new Reading(kb, id, chunker.stream(id, named));
    try {
      Loaders.Named loader = upload.reading().loader();
      LoadResult result = loader.loader().load(upload.loadRequest(), reading::accept, progress);
      requireNotCancelled(progress);
      reading.finish();
      List<Chunk> chunks = reading.chunks;
      if (chunks.isEmpty()) {
        throw new DocumentException(
            DocumentException.Reason.EMPTY, "The document contains no text to index.");
      }
      embed(kb, id, chunks, progress);
      String title = firstNonBlank(upload.title(), result.title(), upload.fileName(), "Untitled");
      long bytes =
          chunks.stream().mapToLong(c -> 2L * c.text().length()).sum()
              + 4L * embedder.dimension() * chunks.size();
      DocumentInfo document =
          new DocumentInfo(
              id,
              title,
              upload.fileName(),
              upload.reading().mediaType(),
              loader.name(),
              upload.bytes(),
              chunks.size(),
              reading.characters,
              bytes,
              clock.instant(),
              result.warnings());
      requireNotCancelled(progress);
      kb.complete(document, upload.file());
      progress.report("indexed", chunks.size(), chunks.size());
      return document;
    } catch (UncheckedIOException e) {
      kb.abort(id);
      throw e.getCause();
    } catch (DocumentException | IOException | RuntimeException | Error e) {
      kb.abort(id);
      throw e;
    }
  }

  /**
   * The document as the loader reads it: segments cut into chunks, and the chunks indexed in
   * batches while reading goes on.
   */
  private final class Reading {
    final KnowledgeBase kb;
    final String documentId;
    final Chunker.Stream stream;
    final List<Chunk> chunks = new ArrayList<>();
    final List<Chunk> unindexed = new ArrayList<>();
    long characters;

    /** When chunks were last indexed: never yet, so the first page's chunks go in at once. */
    long lastFlush = System.nanoTime() - FLUSH_MILLIS * 1_000_000;

    Reading(KnowledgeBase kb, String documentId, Chunker.Stream stream) {
      this.kb = kb;
      this.documentId = documentId;
      this.stream = stream;
    }

    void accept(Segment segment) {
      characters += segment.text().length();
      List<Chunk> done = stream.accept(segment);
      if (!done.isEmpty()) {
        unindexed.addAll(done);
        if (System.nanoTime() - lastFlush >= FLUSH_MILLIS * 1_000_000) {
          flush();
        }
      }
    }

    void finish() {
      unindexed.addAll(stream.finish());
      flush();
    }

    /** Indexes the chunks cut since the last flush, within the session's chunk limit. */
    private void flush() {
      lastFlush = System.nanoTime();
      if (unindexed.isEmpty()) {
        return;
      }
      int held = kb.chunkCount();
      if (held + unindexed.size() > maxChunks) {
        throw new QuotaExceededException(
            QuotaExceededException.Kind.CHUNKS,
            maxChunks,
            "This document has more than "
                + (chunks.size() + unindexed.size() - 1)
                + " chunks and the session already holds "
                + (held - chunks.size())
                + " of its maximum of "
                + maxChunks
                + ". Delete documents or upload a smaller one.");
      }
      try {
        kb.addChunks(documentId, List.copyOf(unindexed));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      chunks.addAll(unindexed);
      unindexed.clear();
    }
  }

  /**
   * Embeds the chunks slice by slice, each slice's vectors going into the index at once; reports
   * chunk c of m after each slice and stops when cancelled.
   */
  private void embed(KnowledgeBase kb, String documentId, List<Chunk> chunks, Progress progress)
      throws IOException {
    progress.report("embedding", 0, chunks.size());
    for (int from = 0; from < chunks.size(); from += EMBEDDING_SLICE) {
      requireNotCancelled(progress);
      int to = Math.min(chunks.size(), from + EMBEDDING_SLICE);
      List<Chunk> slice = chunks.subList(from, to);
      kb.addVectors(documentId, slice, embedder.embed(slice.stream().map(Chunk::text).toList()));
      progress.report("embedding", to, chunks.size());
    }
  }

  private static void requireNotCancelled(Progress progress) {
    if (progress.cancelled()) {
      throw new IngestCancelledException();
    }
  }

  private static String newDocumentId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return "";
  }
}

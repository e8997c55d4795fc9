package io.cogentx.retrieval;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.DocumentException;
import io.cogentx.spi.Embedder;
import io.cogentx.spi.LoadResult;
import io.cogentx.spi.Progress;
import io.cogentx.spi.Segment;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Adds one upload to a session: its chosen loader reads segments, the chunker cuts chunks, the
 * embedder embeds them, the index takes them. Nothing is added unless every step succeeds, so a
 * failed upload leaves the session as it was.
 */
public final class Ingestor {

  /**
   * Chunks embedded per call: progress is reported and cancellation checked after each slice, and
   * each slice is one turn in the {@link FairEmbedder}'s queue.
   */
  static final int EMBEDDING_SLICE = 32;

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
   * Reads, chunks, embeds and indexes the upload into {@code kb}.
   *
   * @param progress told of each stage's progress (the loader's units, {@code chunking}, {@code
   *     embedding} chunk c of m, {@code indexed}); when it reports {@link Progress#cancelled()},
   *     the loader stops at its next unit and nothing is added
   * @throws DocumentException when the content cannot be read (the message is for the user)
   * @throws QuotaExceededException when the session would hold too many chunks
   * @throws IngestCancelledException when cancelled; the session is unchanged
   */
  public DocumentInfo ingest(KnowledgeBase kb, Upload upload, Progress progress)
      throws DocumentException, IOException {
    EmbeddingMismatchException.requireCompatible(kb.index().spec(), embedder);
    Loaders.Named loader = upload.reading().loader();
    List<Segment> segments = new ArrayList<>();
    LoadResult result = loader.loader().load(upload.loadRequest(), segments::add, progress);
    requireNotCancelled(progress);
    String id = newDocumentId();
    String title = firstNonBlank(upload.title(), result.title(), upload.fileName(), "Untitled");
    progress.report("chunking", 0, segments.size());
    List<Chunk> chunks = chunker.chunk(id, title, segments);
    progress.report("chunking", segments.size(), segments.size());
    if (chunks.isEmpty()) {
      throw new DocumentException(
          DocumentException.Reason.EMPTY, "The document contains no text to index.");
    }
    if (kb.chunkCount() + chunks.size() > maxChunks) {
      throw new QuotaExceededException(
          QuotaExceededException.Kind.CHUNKS,
          maxChunks,
          "This document has "
              + chunks.size()
              + " chunks and the session already holds "
              + kb.chunkCount()
              + " of its maximum of "
              + maxChunks
              + ". Delete documents or upload a smaller one.");
    }
    float[][] vectors = embed(chunks, progress);
    long characters = segments.stream().mapToLong(s -> s.text().length()).sum();
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
            characters,
            bytes,
            clock.instant(),
            result.warnings());
    requireNotCancelled(progress);
    kb.add(document, chunks, vectors, upload.file());
    progress.report("indexed", chunks.size(), chunks.size());
    return document;
  }

  /** Embeds in slices, reporting chunk c of m after each and stopping when cancelled. */
  private float[][] embed(List<Chunk> chunks, Progress progress) {
    float[][] vectors = new float[chunks.size()][];
    progress.report("embedding", 0, chunks.size());
    for (int from = 0; from < chunks.size(); from += EMBEDDING_SLICE) {
      requireNotCancelled(progress);
      int to = Math.min(chunks.size(), from + EMBEDDING_SLICE);
      float[][] slice = embedder.embed(chunks.subList(from, to).stream().map(Chunk::text).toList());
      System.arraycopy(slice, 0, vectors, from, slice.length);
      progress.report("embedding", to, chunks.size());
    }
    return vectors;
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

package io.cogentx.retrieval;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.Embedder;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.LoadResult;
import io.cogentx.spi.Segment;
import io.cogentx.spi.SegmentSink;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Adds one document to a session: pick the loader, read segments, cut chunks, embed them, index
 * them. Nothing is added unless every step succeeds, so a failed upload leaves the session as it
 * was.
 */
public final class Ingestor {

  /** Per-session limits. */
  public record Limits(int maxDocuments, int maxChunks) {}

  /**
   * Chunks embedded per call: progress is reported and cancellation checked after each slice, and
   * each slice is one turn in the {@link FairEmbedder}'s queue.
   */
  static final int EMBEDDING_SLICE = 32;

  private final Loaders loaders;
  private final Embedder embedder;
  private final Chunker chunker;
  private final Limits limits;
  private final Clock clock;

  public Ingestor(Loaders loaders, Embedder embedder, Chunker chunker, Limits limits, Clock clock) {
    this.loaders = loaders;
    this.embedder = embedder;
    this.chunker = chunker;
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * Reads, chunks, embeds and indexes the upload into {@code kb}.
   *
   * @param progress told of each stage's progress (the loader's pages, {@code chunking}, {@code
   *     embedding} chunk c of m, {@code indexed}); when it reports {@link SegmentSink#cancelled()},
   *     the loader stops at its next page and nothing is added
   * @throws DocumentException when the content cannot be read (the message is for the user)
   * @throws QuotaExceededException when the session would hold too much
   * @throws IngestCancelledException when cancelled; the session is unchanged
   */
  public DocumentInfo ingest(KnowledgeBase kb, Upload upload, SegmentSink progress)
      throws DocumentException, IOException {
    EmbeddingMismatchException.requireCompatible(kb.index().spec(), embedder);
    if (kb.documentCount() >= limits.maxDocuments()) {
      throw new QuotaExceededException(
          QuotaExceededException.Kind.DOCUMENTS,
          limits.maxDocuments(),
          "This session already holds its maximum of "
              + limits.maxDocuments()
              + " documents. Delete some to add more.");
    }
    DocumentLoader loader = loaders.select(upload.mediaType(), upload.fileName());
    List<Segment> segments = new ArrayList<>();
    LoadResult result =
        loader.load(
            new LoadRequest(
                upload.content(), upload.fileName(), upload.mediaType(), upload.options()),
            new SegmentSink() {
              @Override
              public void accept(Segment segment) {
                segments.add(segment);
              }

              @Override
              public void progress(String stage, int done, int total) {
                progress.progress(stage, done, total);
              }

              @Override
              public boolean cancelled() {
                return progress.cancelled();
              }
            });
    requireNotCancelled(progress);
    String id = newDocumentId();
    String title = firstNonBlank(upload.title(), result.title(), upload.fileName(), "Untitled");
    progress.progress("chunking", 0, segments.size());
    List<Chunk> chunks = chunker.chunk(id, title, segments);
    progress.progress("chunking", segments.size(), segments.size());
    if (chunks.isEmpty()) {
      throw new DocumentException(
          DocumentException.Reason.EMPTY, "The document contains no text to index.");
    }
    if (kb.chunkCount() + chunks.size() > limits.maxChunks()) {
      throw new QuotaExceededException(
          QuotaExceededException.Kind.CHUNKS,
          limits.maxChunks(),
          "This document has "
              + chunks.size()
              + " chunks and the session already holds "
              + kb.chunkCount()
              + " of its maximum of "
              + limits.maxChunks()
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
            Loaders.baseType(upload.mediaType()),
            loader.name(),
            chunks.size(),
            characters,
            bytes,
            clock.instant(),
            result.warnings(),
            upload.size() < 0 ? null : upload.size());
    requireNotCancelled(progress);
    kb.add(document, chunks, vectors);
    progress.progress("indexed", chunks.size(), chunks.size());
    return document;
  }

  /** Embeds in slices, reporting chunk c of m after each and stopping when cancelled. */
  private float[][] embed(List<Chunk> chunks, SegmentSink progress) {
    float[][] vectors = new float[chunks.size()][];
    progress.progress("embedding", 0, chunks.size());
    for (int from = 0; from < chunks.size(); from += EMBEDDING_SLICE) {
      requireNotCancelled(progress);
      int to = Math.min(chunks.size(), from + EMBEDDING_SLICE);
      float[][] slice = embedder.embed(chunks.subList(from, to).stream().map(Chunk::text).toList());
      System.arraycopy(slice, 0, vectors, from, slice.length);
      progress.progress("embedding", to, chunks.size());
    }
    return vectors;
  }

  private static void requireNotCancelled(SegmentSink progress) {
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

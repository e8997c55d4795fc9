package io.cogentx.bench;

import io.cogentx.retrieval.Chunker;
import io.cogentx.spi.Chunk;
import io.cogentx.spi.Embedder;
import io.cogentx.spi.IndexBackend;
import io.cogentx.spi.IndexSpec;
import io.cogentx.spi.Segment;
import io.cogentx.spi.SessionIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Ingests an evaluation corpus into one in-memory session index the way the server does: each
 * document's text is one segment, cut by the real {@link Chunker}, embedded (the server's {@code
 * FairEmbedder} cuts calls into batches of 32 texts) and added to the index. To keep the benchmark
 * short, the chunks of {@value #DOCUMENTS_PER_BATCH} documents are embedded in one call and added
 * in one commit, where the server embeds and commits one uploaded document at a time.
 */
final class EvalIndexBuilder {

  static final int DOCUMENTS_PER_BATCH = 64;

  /**
   * What ingesting took, in wall-clock seconds. When the vectors came from a {@link
   * ChunkVectorCache}, {@code embedSeconds} is the time measured when they were embedded ({@code
   * NaN} if unknown) and {@code vectorsEmbeddedAt} says when; it is {@code null} when they were
   * embedded in this run.
   */
  record IngestStats(
      int documents,
      int chunks,
      double chunkSeconds,
      double embedSeconds,
      double indexSeconds,
      Instant vectorsEmbeddedAt,
      boolean fromCache) {

    double totalSeconds() {
      return chunkSeconds + embedSeconds + indexSeconds;
    }

    double chunksPerSecond() {
      return chunks / totalSeconds();
    }

    String describe() {
      return String.format(
          Locale.ROOT,
          "%d documents, %d chunks in %.1f s (%.1f chunks/s; embedding %.1f s%s, indexing %.1f s)",
          documents,
          chunks,
          totalSeconds(),
          chunksPerSecond(),
          embedSeconds,
          fromCache ? " when the cached vectors were made" : "",
          indexSeconds);
    }
  }

  /** The index and how long it took to build. */
  record Built(SessionIndex index, IngestStats stats) {}

  private EvalIndexBuilder() {}

  /**
   * @param cacheDir where chunk vectors are kept between runs, or {@code null} to always embed
   */
  static Built build(
      List<EvalDocument> documents,
      Chunker chunker,
      Embedder embedder,
      IndexBackend backend,
      Path cacheDir)
      throws IOException {
    long t0 = System.nanoTime();
    List<List<Chunk>> groups = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int from = 0; from < documents.size(); from += DOCUMENTS_PER_BATCH) {
      List<Chunk> group = new ArrayList<>();
      for (EvalDocument doc :
          documents.subList(from, Math.min(documents.size(), from + DOCUMENTS_PER_BATCH))) {
        group.addAll(chunker.chunk(doc.id(), doc.title(), List.of(Segment.of(doc.text()))));
      }
      groups.add(group);
      group.forEach(c -> texts.add(c.text()));
    }
    long t1 = System.nanoTime();
    ChunkVectorCache cache =
        cacheDir == null
            ? null
            : new ChunkVectorCache(
                cacheDir, embedder.modelName(), "groups of " + DOCUMENTS_PER_BATCH, texts);
    Optional<ChunkVectorCache.Entry> cached = cache == null ? Optional.empty() : cache.load();
    float[][] vectors;
    double embedSeconds;
    if (cached.isPresent()) {
      vectors = cached.get().vectors();
      embedSeconds = cached.get().embedSeconds();
    } else {
      vectors = embed(groups, embedder, texts.size());
      embedSeconds = (System.nanoTime() - t1) / 1e9;
      if (cache != null) {
        cache.store(vectors, embedSeconds);
      }
    }
    long t2 = System.nanoTime();
    SessionIndex index =
        backend.open(IndexSpec.inMemory(embedder.modelName(), embedder.dimension()));
    int offset = 0;
    for (List<Chunk> group : groups) {
      float[][] part = new float[group.size()][];
      System.arraycopy(vectors, offset, part, 0, part.length);
      index.add(group, part);
      offset += part.length;
    }
    long t3 = System.nanoTime();
    IngestStats stats =
        new IngestStats(
            documents.size(),
            texts.size(),
            (t1 - t0) / 1e9,
            embedSeconds,
            (t3 - t2) / 1e9,
            cached.map(ChunkVectorCache.Entry::embeddedAt).orElse(null),
            cached.isPresent());
    return new Built(index, stats);
  }

  private static float[][] embed(List<List<Chunk>> groups, Embedder embedder, int total) {
    float[][] vectors = new float[total][];
    int offset = 0;
    long started = System.nanoTime();
    for (int g = 0; g < groups.size(); g++) {
      float[][] part = embedder.embed(groups.get(g).stream().map(Chunk::text).toList());
      System.arraycopy(part, 0, vectors, offset, part.length);
      offset += part.length;
      if ((g + 1) % 16 == 0) {
        System.out.printf(
            Locale.ROOT,
            "  %s: %d/%d chunks embedded, %.0f s%n",
            embedder.modelName(),
            offset,
            total,
            (System.nanoTime() - started) / 1e9);
      }
    }
    return vectors;
  }
}

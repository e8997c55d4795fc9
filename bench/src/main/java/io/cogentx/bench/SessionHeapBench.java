package io.cogentx.bench;

import io.cogentx.retrieval.Chunker;
import io.cogentx.retrieval.Ingestor;
import io.cogentx.retrieval.KnowledgeBase;
import io.cogentx.retrieval.Loaders;
import io.cogentx.retrieval.Upload;
import io.cogentx.spi.IndexBackend;
import io.cogentx.spi.IndexSpec;
import io.cogentx.spi.Progress;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Retained heap of a session holding 127 chunks, built through the real ingestion path: SQuAD
 * articles as plain-text documents (up to 10 paragraphs each, the last one shortened so that the
 * session holds exactly 127 chunks) go through {@link Ingestor} (text loader, {@link Chunker},
 * embedder) into a {@link KnowledgeBase} on the {@code lucene} backend. Many such sessions are
 * built in one JVM and the heap used after a full GC (least of several readings) before and after
 * is divided by their number; {@code SessionIndex.ramBytesUsed()} is reported beside it.
 *
 * <p>To keep it fast, each distinct chunk text is embedded once (fp32, the shipping default) and
 * every session gets copies of those vectors: the embedder's cost is not what is measured here.
 *
 * <p>Run with {@code bench/run.sh SessionHeapBench [DATA_DIR] [--sessions=200] [--chunks=127]
 * [--backend=lucene] [--model=all-MiniLM-L6-v2]}; another backend writes session-heap-NAME.json.
 */
public final class SessionHeapBench {

  private static final int PARAGRAPHS_PER_DOCUMENT = 10;
  private static final Progress NO_PROGRESS = Progress.NONE;

  /** The server's loaders, as the server chooses them for an upload. */
  private static Loaders LOADERS;

  private SessionHeapBench() {}

  public static void main(String[] args) throws Exception {
    BenchArgs a = BenchArgs.parse(args);
    Path data = BenchArgs.dataDir(a.positional(0, null));
    if (!Files.isRegularFile(data.resolve(SquadData.FILE))) {
      BenchArgs.skipped(
          "SessionHeapBench",
          "SQuAD not found under " + data.toAbsolutePath() + " (pass DATA_DIR)");
      return;
    }
    int sessions = a.intOption("sessions", 200);
    int targetChunks = a.intOption("chunks", 127);
    String backendName = a.option("backend", "lucene");
    String modelName = a.option("model", Plugins.FP32);

    SquadData squad = SquadData.read(data);
    LOADERS = Plugins.loaders();
    IndexBackend backend = Plugins.backend(backendName);
    try (CachingEmbedder embedder = new CachingEmbedder(Plugins.embedder(modelName))) {
      Ingestor ingestor =
          new Ingestor(embedder, new Chunker(embedder::countTokens), 20_000, Clock.systemUTC());
      IndexSpec spec = IndexSpec.inMemory(embedder.modelName(), embedder.dimension());
      List<Document> documents = plan(squad, targetChunks, ingestor, backend, spec);
      int chunks;
      try (KnowledgeBase probe = session(ingestor, backend, spec, documents)) {
        chunks = probe.chunkCount();
      }
      System.err.printf(
          "SessionHeapBench: %d documents, %d chunks per session, %d texts embedded%n",
          documents.size(), chunks, embedder.cached());

      for (int i = 0; i < 5; i++) { // warm-up: classes, JIT
        session(ingestor, backend, spec, documents).close();
      }
      long before = usedHeapAfterGc();
      List<KnowledgeBase> kept = new ArrayList<>(sessions);
      long start = System.nanoTime();
      for (int i = 0; i < sessions; i++) {
        kept.add(session(ingestor, backend, spec, documents));
      }
      double buildSeconds = (System.nanoTime() - start) / 1e9;
      long after = usedHeapAfterGc();
      long ramBytesUsed = 0;
      for (KnowledgeBase kb : kept) {
        if (kb.chunkCount() != chunks) {
          throw new IllegalStateException("a session holds " + kb.chunkCount() + " chunks");
        }
        ramBytesUsed += kb.index().ramBytesUsed();
      }
      for (KnowledgeBase kb : kept) {
        kb.close();
      }
      kept.clear();
      long closed = usedHeapAfterGc();

      long perSession = (after - before) / sessions;
      long reported = ramBytesUsed / sessions;
      long notFreed = (closed - before) / sessions;
      new BenchResult(backendName.equals("lucene") ? "session-heap" : "session-heap-" + backendName)
          .put("backend", backendName)
          .put("model", embedder.modelName())
          .put("sessions", sessions)
          .put("documents_per_session", documents.size())
          .put("chunks_per_session", chunks)
          .put("retained_heap_bytes_per_session", perSession)
          .put("ram_bytes_used_per_session", reported)
          .put("ram_bytes_used_over_measured", Stats.round(reported / (double) perSession, 3))
          .put("heap_bytes_per_session_not_freed_after_close", notFreed)
          .put("build_ms_per_session", Stats.round(buildSeconds * 1000 / sessions, 2))
          .put("goal_bytes_per_session", 1 << 20)
          .put(
              "method",
              "SQuAD articles as text/plain documents through Ingestor into KnowledgeBase; vectors"
                  + " embedded once and copied per session; heap used after System.gc(), least of"
                  + " 5 readings, before and after building all sessions")
          .write(
              String.format(
                  "%,d B retained heap per %s session of %d chunks (%.2f MB, goal <= 1 MB);"
                      + " ramBytesUsed() says %,d B (%d sessions, %d documents each)",
                  perSession,
                  backendName,
                  chunks,
                  perSession / 1048576.0,
                  reported,
                  sessions,
                  documents.size()));
    }
  }

  /** A plain-text document. */
  private record Document(String title, String text) {

    Upload upload() {
      return Plugins.textUpload(LOADERS, text, title);
    }
  }

  /** A new session holding {@code documents}. */
  private static KnowledgeBase session(
      Ingestor ingestor, IndexBackend backend, IndexSpec spec, List<Document> documents)
      throws Exception {
    KnowledgeBase kb = Plugins.knowledgeBase(backend, spec);
    for (Document d : documents) {
      ingestor.ingest(kb, d.upload(), NO_PROGRESS);
    }
    return kb;
  }

  /**
   * Documents of up to ten paragraphs of one article, in file order, until a session holding them
   * has {@code target} chunks; the last document is shortened (paragraph by paragraph) to hit the
   * target exactly where the chunker allows it.
   */
  private static List<Document> plan(
      SquadData squad, int target, Ingestor ingestor, IndexBackend backend, IndexSpec spec)
      throws Exception {
    List<Document> documents = new ArrayList<>();
    try (KnowledgeBase kb = Plugins.knowledgeBase(backend, spec)) {
      for (SquadData.Article article : squad.articles()) {
        List<String> paragraphs = article.paragraphs();
        for (int from = 0; from < paragraphs.size(); from += PARAGRAPHS_PER_DOCUMENT) {
          List<String> part =
              paragraphs.subList(from, Math.min(paragraphs.size(), from + PARAGRAPHS_PER_DOCUMENT));
          Document best = null;
          for (int n = part.size(); n >= 1; n--) {
            Document d = document(article, from, part.subList(0, n));
            String id = ingestor.ingest(kb, d.upload(), NO_PROGRESS).id();
            if (kb.chunkCount() <= target || n == 1) {
              best = d;
              break;
            }
            kb.remove(id);
          }
          documents.add(best);
          if (kb.chunkCount() >= target) {
            return documents;
          }
        }
      }
    }
    throw new IllegalStateException("SQuAD has fewer than " + target + " chunks");
  }

  private static Document document(SquadData.Article article, int from, List<String> paragraphs) {
    return new Document(
        article.title() + " (paragraphs " + (from + 1) + "–" + (from + paragraphs.size()) + ")",
        String.join("\n\n", paragraphs));
  }

  /** Heap in use after a full GC: the least of five readings. */
  static long usedHeapAfterGc() throws InterruptedException {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(50);
      least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return least;
  }
}

package io.cogentx.bench;

import io.cogentx.retrieval.Chunker;
import io.cogentx.retrieval.FairEmbedder;
import io.cogentx.retrieval.Ingestor;
import io.cogentx.retrieval.KnowledgeBase;
import io.cogentx.retrieval.Loaders;
import io.cogentx.retrieval.Upload;
import io.cogentx.spi.Chunk;
import io.cogentx.spi.Embedder;
import io.cogentx.spi.IndexBackend;
import io.cogentx.spi.IndexSpec;
import io.cogentx.spi.Progress;
import io.cogentx.spi.Segment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Ingestion throughput in chunks per second: SQuAD paragraphs, one plain-text document each,
 * through {@link Ingestor} (text loader, {@link Chunker}, {@link FairEmbedder} with the server's
 * settings, {@code lucene} backend), against the bare embedding model embedding the very same chunk
 * texts. Rounds alternate the order of the variants; the ratio is of the medians:
 *
 * <ul>
 *   <li>{@code ingest}: one session, documents one after another (one upload at a time);
 *   <li>{@code ingest_2_sessions}: two sessions ingesting half the documents each, concurrently;
 *   <li>{@code bare_one_call}: the model embeds all chunk texts in one call (its best case);
 *   <li>{@code bare_per_document}: the model embeds each document's chunk texts in one call, as the
 *       ingestor does;
 *   <li>{@code paired}: document by document, the ingestor and the bare model on the same document,
 *       in alternating order, so both see the same load on a shared machine (the figure to trust
 *       for the pipeline's own cost: the variants above run tens of seconds apart).
 * </ul>
 *
 * <p>Run with {@code bench/run.sh IngestBench [DATA_DIR] [--documents=300] [--rounds=3]
 * [--models=all-MiniLM-L6-v2,all-MiniLM-L6-v2-int8] [--documents-as=paragraphs|articles]}: by
 * default SQuAD paragraphs, one per document (about one chunk each, the worst case for batching,
 * written to {@code ingest.json}); with {@code articles}, 12 whole articles as documents (about 50
 * chunks each, like an uploaded report; {@code ingest-articles.json}).
 */
public final class IngestBench {

  private static final Progress NO_PROGRESS = Progress.NONE;

  /** The server's loaders, as the server chooses them for an upload. */
  private static Loaders LOADERS;

  private static final String PAIRED_INGEST = "paired_ingest";
  private static final String PAIRED_BARE = "paired_bare_per_document";

  /** The server's FairEmbedder settings (RetrievalRuntime: concurrency 2, batches of 32). */
  private static final int FAIR_CONCURRENCY = 2;

  private static final int FAIR_BATCH = 32;
  private static final int FAIR_QUEUE = 256;

  private IngestBench() {}

  public static void main(String[] args) throws Exception {
    BenchArgs a = BenchArgs.parse(args);
    Path data = BenchArgs.dataDir(a.positional(0, null));
    if (!Files.isRegularFile(data.resolve(SquadData.FILE))) {
      BenchArgs.skipped(
          "IngestBench", "SQuAD not found under " + data.toAbsolutePath() + " (pass DATA_DIR)");
      return;
    }
    String shape = a.option("documents-as", "paragraphs");
    int count = a.intOption("documents", shape.equals("articles") ? 12 : 300);
    int rounds = a.intOption("rounds", 3);
    List<String> models = List.of(a.option("models", Plugins.FP32 + "," + Plugins.INT8).split(","));

    SquadData squad = SquadData.read(data);
    List<SquadData.Titled> all =
        switch (shape) {
          case "paragraphs" -> squad.paragraphs();
          case "articles" -> articles(squad);
          default ->
              throw new IllegalArgumentException(
                  "--documents-as must be paragraphs or articles: " + shape);
        };
    count = Math.min(count, all.size());
    List<SquadData.Titled> documents = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      documents.add(all.get((int) ((long) i * all.size() / count))); // spread over all articles
    }
    Loaders loaders = Plugins.loaders();
    LOADERS = loaders;
    IndexBackend backend = Plugins.backend("lucene");

    BenchResult result =
        new BenchResult(shape.equals("articles") ? "ingest-articles" : "ingest")
            .put("documents", documents.size())
            .put(
                "document_shape",
                shape.equals("articles")
                    ? "one SQuAD article per document (its paragraphs, blank lines between)"
                    : "one SQuAD paragraph per document")
            .put("rounds", rounds)
            .put("backend", "lucene")
            .put("fair_embedder", "concurrency " + FAIR_CONCURRENCY + ", batches of " + FAIR_BATCH)
            .put("cores", Runtime.getRuntime().availableProcessors());
    StringBuilder summary = new StringBuilder();
    for (String model : models) {
      Map<String, Object> figures = measure(model, documents, loaders, backend, rounds);
      result.put(model, figures);
      if (!summary.isEmpty()) {
        summary.append("; ");
      }
      summary.append(
          String.format(
              "%s: ingest %.1f chunks/s vs bare embedder %.1f chunks/s = %.2f (goal >= 0.85);"
                  + " 2 sessions %.2f, per-document bare %.2f; interleaved document by document:"
                  + " ingest %.2f of the bare embedder on the same documents",
              model,
              figures.get("ingest_chunks_per_s"),
              figures.get("bare_one_call_chunks_per_s"),
              figures.get("ratio_ingest_vs_bare"),
              figures.get("ratio_ingest_2_sessions_vs_bare"),
              figures.get("ratio_bare_per_document_vs_bare"),
              figures.get("ratio_paired_ingest_vs_bare_per_document")));
    }
    result.put("goal_ratio", 0.85);
    result.write(summary.toString());
  }

  private static Map<String, Object> measure(
      String modelName,
      List<SquadData.Titled> documents,
      Loaders loaders,
      IndexBackend backend,
      int rounds)
      throws Exception {
    try (Embedder model = Plugins.embedder(modelName)) {
      FairEmbedder fair = new FairEmbedder(model, FAIR_CONCURRENCY, FAIR_BATCH, FAIR_QUEUE);
      Chunker chunker = new Chunker(fair::countTokens);
      Ingestor ingestor = new Ingestor(fair, chunker, 1_000_000, Clock.systemUTC());
      IndexSpec spec = IndexSpec.inMemory(model.modelName(), model.dimension());
      List<List<String>> perDocument = new ArrayList<>();
      for (SquadData.Titled d : documents) {
        perDocument.add(chunkTexts(loaders, chunker, d));
      }
      List<String> texts = perDocument.stream().flatMap(List::stream).toList();
      int chunks = texts.size();

      // warm-up: model, loader, chunker, index
      model.embed(texts.subList(0, Math.min(64, chunks)));
      ingestAll(ingestor, backend, spec, documents.subList(0, Math.min(20, documents.size())));

      Map<String, List<Double>> seconds = new LinkedHashMap<>();
      List<String> variants =
          List.of("ingest", "ingest_2_sessions", "bare_one_call", "bare_per_document", "paired");
      variants.forEach(v -> seconds.put(v, new ArrayList<>()));
      seconds.put(PAIRED_INGEST, new ArrayList<>());
      seconds.put(PAIRED_BARE, new ArrayList<>());
      for (int round = 0; round < rounds; round++) {
        List<String> order = new ArrayList<>(variants);
        if (round % 2 == 1) {
          Collections.reverse(order);
        }
        for (String variant : order) {
          long start = System.nanoTime();
          switch (variant) {
            case "ingest" -> {
              int held = ingestAll(ingestor, backend, spec, documents);
              if (held != chunks) {
                throw new IllegalStateException(held + " chunks ingested, expected " + chunks);
              }
            }
            case "ingest_2_sessions" -> ingestInTwoSessions(ingestor, backend, spec, documents);
            case "bare_one_call" -> model.embed(texts);
            case "paired" -> {
              double[] paired =
                  ingestPaired(ingestor, backend, spec, documents, perDocument, model);
              seconds.get(PAIRED_INGEST).add(paired[0]);
              seconds.get(PAIRED_BARE).add(paired[1]);
            }
            default -> perDocument.forEach(model::embed);
          }
          double s = (System.nanoTime() - start) / 1e9;
          seconds.get(variant).add(s);
          System.err.printf(
              "IngestBench: %s round %d %-18s %6.1f chunks/s%n",
              modelName, round + 1, variant, chunks / s);
        }
      }

      Map<String, Object> out = new LinkedHashMap<>();
      out.put("chunks", chunks);
      out.put(
          "mean_chunk_tokens",
          Stats.round(texts.stream().mapToInt(model::countTokens).average().orElse(0), 1));
      Map<String, Double> median = new LinkedHashMap<>();
      List<String> reported = new ArrayList<>(variants);
      reported.remove("paired");
      reported.addAll(List.of(PAIRED_INGEST, PAIRED_BARE));
      for (String v : reported) {
        double[] rates = seconds.get(v).stream().mapToDouble(s -> chunks / s).toArray();
        median.put(v, Stats.median(rates));
        out.put(v + "_chunks_per_s", Stats.round(Stats.median(rates), 1));
        out.put(v + "_chunks_per_s_rounds", Arrays.toString(round1(rates)));
      }
      double bare = median.get("bare_one_call");
      out.put("ratio_ingest_vs_bare", Stats.round(median.get("ingest") / bare, 3));
      out.put(
          "ratio_ingest_2_sessions_vs_bare",
          Stats.round(median.get("ingest_2_sessions") / bare, 3));
      out.put(
          "ratio_bare_per_document_vs_bare",
          Stats.round(median.get("bare_per_document") / bare, 3));
      out.put(
          "ratio_ingest_vs_bare_per_document",
          Stats.round(median.get("ingest") / median.get("bare_per_document"), 3));
      out.put(
          "ratio_paired_ingest_vs_bare_per_document",
          Stats.round(median.get(PAIRED_INGEST) / median.get(PAIRED_BARE), 3));
      out.put("ratio_paired_ingest_vs_bare", Stats.round(median.get(PAIRED_INGEST) / bare, 3));
      return out;
    }
  }

  /** Each article as one document: its paragraphs, a blank line between. */
  private static List<SquadData.Titled> articles(SquadData squad) {
    return squad.articles().stream()
        .map(a -> new SquadData.Titled(a.title(), String.join("\n\n", a.paragraphs())))
        .toList();
  }

  private static double[] round1(double[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Stats.round(values[i], 1);
    }
    return out;
  }

  /**
   * Document by document, the bare model on its chunk texts and the ingestor on the document, the
   * order alternating, so that both see the same machine load (this machine is shared); returns the
   * seconds spent in each, {@code [ingest, bare]}.
   */
  private static double[] ingestPaired(
      Ingestor ingestor,
      IndexBackend backend,
      IndexSpec spec,
      List<SquadData.Titled> documents,
      List<List<String>> perDocument,
      Embedder model)
      throws Exception {
    long ingestNanos = 0;
    long bareNanos = 0;
    try (KnowledgeBase kb = Plugins.knowledgeBase(backend, spec)) {
      for (int i = 0; i < documents.size(); i++) {
        for (int step = 0; step < 2; step++) {
          boolean ingestNow = (i + step) % 2 == 0;
          long start = System.nanoTime();
          if (ingestNow) {
            ingestor.ingest(kb, upload(LOADERS, documents.get(i)), NO_PROGRESS);
            ingestNanos += System.nanoTime() - start;
          } else {
            model.embed(perDocument.get(i));
            bareNanos += System.nanoTime() - start;
          }
        }
      }
    }
    return new double[] {ingestNanos / 1e9, bareNanos / 1e9};
  }

  /** Ingests the documents one after another into a new session; returns the chunks it holds. */
  private static int ingestAll(
      Ingestor ingestor, IndexBackend backend, IndexSpec spec, List<SquadData.Titled> documents)
      throws Exception {
    try (KnowledgeBase kb = Plugins.knowledgeBase(backend, spec)) {
      for (SquadData.Titled d : documents) {
        ingestor.ingest(kb, upload(LOADERS, d), NO_PROGRESS);
      }
      return kb.chunkCount();
    }
  }

  private static void ingestInTwoSessions(
      Ingestor ingestor, IndexBackend backend, IndexSpec spec, List<SquadData.Titled> documents)
      throws Exception {
    int half = documents.size() / 2;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> first =
          pool.submit(() -> ingestAll(ingestor, backend, spec, documents.subList(0, half)));
      Future<Integer> second =
          pool.submit(
              () -> ingestAll(ingestor, backend, spec, documents.subList(half, documents.size())));
      first.get();
      second.get();
    } finally {
      pool.shutdown();
    }
  }

  /** The chunk texts the ingestor will embed for {@code document}: loader, then chunker. */
  private static List<String> chunkTexts(
      Loaders loaders, Chunker chunker, SquadData.Titled document) throws Exception {
    List<Segment> segments = new ArrayList<>();
    Upload upload = upload(loaders, document);
    try {
      upload.reading().loader().loader().load(upload.loadRequest(), segments::add, Progress.NONE);
    } finally {
      java.nio.file.Files.deleteIfExists(upload.file());
    }
    return chunker.chunk("x", document.title(), segments).stream().map(Chunk::text).toList();
  }

  private static Upload upload(Loaders loaders, SquadData.Titled document) {
    return Plugins.textUpload(loaders, document.text(), document.title());
  }
}

package io.cogentx.bench;

import io.cogentx.retrieval.Chunker;
import io.cogentx.retrieval.ConvexCombinationFusion;
import io.cogentx.retrieval.Retriever;
import io.cogentx.retrieval.SearchMode;
import io.cogentx.spi.Chunk;
import io.cogentx.spi.Embedder;
import io.cogentx.spi.IndexBackend;
import io.cogentx.spi.IndexSpec;
import io.cogentx.spi.ScoredChunk;
import io.cogentx.spi.Segment;
import io.cogentx.spi.SessionIndex;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the time of one hybrid search goes, in process and without HTTP: the session of {@code
 * SearchLatencyBench} (about 10,000 chunks, one {@code add} per document as the server does) is
 * built in memory, then each step of a search is timed over the same SQuAD questions on one thread:
 * embedding the query, the BM25 and HNSW top candidates (as many as hybrid search fuses: {@code
 * Retriever.DEFAULT_CANDIDATES}), fusing them, and the whole {@code Retriever.retrieve}. Finally
 * {@code --threads} threads run whole searches in a closed loop, for the throughput the CPU allows
 * without HTTP.
 *
 * <p>Run with {@code BENCH_JAVA_OPTS="-Xmx4g --add-modules jdk.incubator.vector" bench/run.sh
 * SearchCostBench [DATA_DIR] [--queries=1000] [--threads=2] [--chunks=10000]
 * [--model=all-MiniLM-L6-v2]} (the Vector API is on in the server, see liberty/jvm.options).
 */
public final class SearchCostBench {

  private static final String NAME = "SearchCostBench";

  private SearchCostBench() {}

  public static void main(String[] args) throws Exception {
    BenchArgs a = BenchArgs.parse(args);
    Path data = BenchArgs.dataDir(a.positional(0, null));
    int queries = a.intOption("queries", 1000);
    int threads = a.intOption("threads", 2);
    int target = a.intOption("chunks", 10_000);
    if (!Files.isRegularFile(data.resolve(SquadData.FILE))) {
      BenchArgs.skipped(NAME, "SQuAD not found under " + data.toAbsolutePath());
      return;
    }
    SquadData squad = SquadData.read(data);
    List<SciFactData.Abstract> scifact =
        Files.isRegularFile(data.resolve(SciFactData.CORPUS)) ? SciFactData.read(data) : List.of();
    String backendName = System.getenv().getOrDefault("VECTOR_BACKEND", "lucene");
    try (Embedder embedder = Plugins.embedder(a.option("model", Plugins.FP32))) {
      IndexBackend backend = Plugins.backend(backendName);
      Chunker chunker = new Chunker(embedder::countTokens);
      List<List<Chunk>> docs = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      for (LatencyCorpus.Doc d : LatencyCorpus.documents(squad, scifact, 10)) {
        if (texts.size() >= target) {
          break;
        }
        List<Chunk> chunks =
            chunker.chunk(
                UUID.nameUUIDFromBytes(d.title().getBytes(StandardCharsets.UTF_8)).toString(),
                d.title(),
                List.of(Segment.of(d.text())));
        docs.add(chunks);
        chunks.forEach(c -> texts.add(c.text()));
      }
      ChunkVectorCache cache =
          new ChunkVectorCache(
              Path.of("bench/target/vector-cache"), embedder.modelName(), "per document", texts);
      float[][] vectors = cache.load().map(ChunkVectorCache.Entry::vectors).orElse(null);
      if (vectors == null) {
        System.err.printf("%s: embedding %,d chunks once (cached after)%n", NAME, texts.size());
        long t = System.nanoTime();
        vectors = embedder.embed(texts);
        cache.store(vectors, (System.nanoTime() - t) / 1e9);
      }
      try (SessionIndex index =
          backend.open(IndexSpec.inMemory(embedder.modelName(), embedder.dimension()))) {
        int offset = 0;
        for (List<Chunk> doc : docs) {
          float[][] part = new float[doc.size()][];
          System.arraycopy(vectors, offset, part, 0, part.length);
          index.add(doc, part);
          offset += part.length;
        }
        measure(
            embedder,
            index,
            squad.questions(queries * 2, 11),
            queries,
            threads,
            backendName,
            a.option("name", "search-cost"));
      }
    }
  }

  private static void measure(
      Embedder embedder,
      SessionIndex index,
      List<String> questions,
      int queries,
      int threads,
      String backendName,
      String name)
      throws Exception {
    List<String> warm = questions.subList(queries, 2 * queries);
    List<String> qs = questions.subList(0, queries);
    int depth = Retriever.DEFAULT_CANDIDATES;
    Retriever retriever = new Retriever(embedder);
    ConvexCombinationFusion fusion = new ConvexCombinationFusion(Retriever.DEFAULT_VECTOR_WEIGHT);
    for (String q : warm) {
      retriever.retrieve(index, q, 5, SearchMode.HYBRID);
    }
    float[][] qv = new float[qs.size()][];
    double[] embed = new double[qs.size()];
    double[] keyword = new double[qs.size()];
    double[] vector = new double[qs.size()];
    double[] fuse = new double[qs.size()];
    double[] whole = new double[qs.size()];
    for (int i = 0; i < qs.size(); i++) {
      long t0 = System.nanoTime();
      qv[i] = embedder.embedQuery(qs.get(i));
      long t1 = System.nanoTime();
      List<ScoredChunk> k = index.keywordSearch(qs.get(i), depth);
      long t2 = System.nanoTime();
      List<ScoredChunk> v = index.vectorSearch(qv[i], depth);
      long t3 = System.nanoTime();
      fusion.fuse(k, v);
      long t4 = System.nanoTime();
      retriever.retrieve(index, qs.get(i), 5, SearchMode.HYBRID);
      long t5 = System.nanoTime();
      embed[i] = (t1 - t0) / 1e6;
      keyword[i] = (t2 - t1) / 1e6;
      vector[i] = (t3 - t2) / 1e6;
      fuse[i] = (t4 - t3) / 1e6;
      whole[i] = (t5 - t4) / 1e6;
    }
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> fs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      fs.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < qs.size(); i = next.getAndIncrement()) {
                  retriever.retrieve(index, qs.get(i), 5, SearchMode.HYBRID);
                }
                return null;
              }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    double wall = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    Map<String, Object> steps = new LinkedHashMap<>();
    steps.put("embed_query", ms(embed));
    steps.put("keyword_top_candidates", ms(keyword));
    steps.put("vector_top_candidates", ms(vector));
    steps.put("fusion", ms(fuse));
    steps.put("retrieve_hybrid", ms(whole));
    double perSecond = qs.size() / wall;
    new BenchResult(name)
        .put("backend", backendName)
        .put("model", embedder.modelName())
        .put("session_chunks", index.size())
        .put("queries", qs.size())
        .put("candidates_per_method", depth)
        .put("single_thread_ms", steps)
        .put("threads", threads)
        .put("closed_loop_searches_per_s", Stats.round(perSecond, 1))
        .write(
            String.format(
                Locale.ROOT,
                "in process, %,d chunks, one thread, median ms: embed %.2f, BM25 top %d %.2f,"
                    + " HNSW top %d %.2f, fusion %.2f, whole hybrid %.2f; %d threads: %.0f"
                    + " searches/s",
                index.size(),
                Stats.median(embed),
                depth,
                Stats.median(keyword),
                depth,
                Stats.median(vector),
                Stats.median(fuse),
                Stats.median(whole),
                threads,
                perSecond));
  }

  private static Map<String, Object> ms(double[] values) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("p50", Stats.round(Stats.median(values), 3));
    m.put("p99", Stats.round(Stats.percentile(values, 99), 3));
    m.put("mean", Stats.round(Stats.mean(values), 3));
    return m;
  }
}

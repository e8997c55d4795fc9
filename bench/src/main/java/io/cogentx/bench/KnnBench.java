package io.cogentx.bench;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import io.cogentx.spi.Chunk;
import io.cogentx.spi.Embedder;
import io.cogentx.spi.IndexSpec;
import io.cogentx.spi.ScoredChunk;
import io.cogentx.spi.SessionIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Nearest-neighbour search, k = 10, on 384-dimensional all-MiniLM-L6-v2 (int8) vectors: the {@code
 * lucene} backend's HNSW search against both brute-force baselines, our own {@code exact} backend
 * (plugins/index-exact, the fair one) and langchain4j's {@code InMemoryEmbeddingStore}, at 10,000
 * and 100,000 chunks, plus the recall@10 of the HNSW search against exact search.
 *
 * <p>Vectors, all embedded with the int8 model (cached in bench/target/vector-cache): up to 10,000
 * chunks, SQuAD dev sentences only; beyond that, the 10,000 SQuAD sentences, then the 44,595
 * distinct SciFact abstract sentences, then synthetic vectors made from the real ones ({@code
 * --synthetic}): {@code mix2} (default) a weighted mix of two random real vectors (w and 1 - w, w
 * uniform in [0.5, 0.9]), {@code mix64} a mix of 64 random real vectors with Gaussian weights of
 * decreasing scale (as the index tests build "embedding-like" vectors, but from real directions);
 * both plus Gaussian noise (σ = 0.01 per dimension), normalised. Queries: SQuAD questions (seeded
 * random draw), and beyond 10,000 chunks every other query is a SciFact claim instead. Each query
 * is timed on the three stores in rotating order, single-threaded, after a warm-up, so the ratios
 * come from the same moments.
 *
 * <p>Run with {@code bench/run.sh KnnBench [DATA_DIR] [--queries=500] [--warmup=200]
 * [--sizes=10000,100000] [--batch=1000] [--synthetic=mix2|mix64]}; with {@code
 * BENCH_JAVA_OPTS="-Xmx4g --add-modules jdk.incubator.vector"} Lucene uses the Vector API and the
 * result goes to knn-vector-api.json (knn-mix64*.json for the other synthetic kind).
 */
public final class KnnBench {

  private static final int K = 10;
  private static final int SQUAD_VECTORS = 10_000;
  private static final long SEED = 20_260_611L;
  private static final int DOC_SIZE = 100;

  private KnnBench() {}

  public static void main(String[] args) throws Exception {
    BenchArgs a = BenchArgs.parse(args);
    Path data = BenchArgs.dataDir(a.positional(0, null));
    if (!Files.isRegularFile(data.resolve(SquadData.FILE))) {
      BenchArgs.skipped(
          "KnnBench", "SQuAD not found under " + data.toAbsolutePath() + " (pass DATA_DIR)");
      return;
    }
    int queries = a.intOption("queries", 500);
    int warmup = a.intOption("warmup", 200);
    int batch = a.intOption("batch", 1000);
    int[] sizes =
        Arrays.stream(a.option("sizes", "10000,100000").split(","))
            .mapToInt(s -> Integer.parseInt(s.strip().replace("_", "")))
            .toArray();
    boolean vectorApi = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    String synthetic = a.option("synthetic", "mix2");
    if (!synthetic.equals("mix2") && !synthetic.equals("mix64")) {
      throw new IllegalArgumentException("--synthetic must be mix2 or mix64");
    }
    boolean scifact = Files.isRegularFile(data.resolve(SciFactData.CORPUS));

    SquadData squad = SquadData.read(data);
    List<String> texts = new ArrayList<>(squad.sentences(SQUAD_VECTORS));
    List<String> squadQuestions = squad.questions(warmup + queries, SEED);
    List<String> claims = scifact ? SciFactData.claims(data) : List.of();
    List<String> scifactSentences =
        scifact ? SciFactData.sentences(SciFactData.read(data)) : List.of();
    float[][] real;
    float[][] squadQueries;
    float[][] claimQueries;
    String model;
    try (Embedder embedder = Plugins.embedder(Plugins.INT8)) {
      model = embedder.modelName();
      float[][] squadVectors = VectorCache.embed(embedder, texts);
      float[][] scifactVectors =
          Arrays.stream(sizes).anyMatch(n -> n > SQUAD_VECTORS) && scifact
              ? VectorCache.embed(embedder, scifactSentences)
              : new float[0][];
      real = concat(squadVectors, scifactVectors);
      if (scifactVectors.length > 0) {
        texts.addAll(scifactSentences);
      }
      squadQueries = VectorCache.embed(embedder, squadQuestions);
      claimQueries =
          scifactVectors.length > 0 ? VectorCache.embed(embedder, claims) : new float[0][];
    }

    BenchResult result =
        new BenchResult(
                a.option(
                    "name",
                    "knn"
                        + (synthetic.equals("mix2") ? "" : "-" + synthetic)
                        + (vectorApi ? "-vector-api" : "")))
            .put("model", model)
            .put("dimension", real[0].length)
            .put("k", K)
            .put("vector_api_module", vectorApi)
            .put("queries_timed", queries)
            .put("warmup_queries", warmup)
            .put("lucene_add_batch", batch)
            .put("synthetic", synthetic)
            .put(
                "vectors",
                "int8 MiniLM: up to 10,000 SQuAD dev sentences; beyond, + "
                    + (real.length - SQUAD_VECTORS)
                    + " SciFact sentences, then synthetic "
                    + synthetic
                    + " mixes of real vectors + N(0, 0.01) noise, normalised")
            .put(
                "queries",
                "SQuAD dev questions (seeded draw); beyond 10,000 chunks every other query is a"
                    + " SciFact claim");
    StringBuilder summary = new StringBuilder();
    for (int size : sizes) {
      int realCount = size <= SQUAD_VECTORS ? Math.min(size, SQUAD_VECTORS) : real.length;
      Corpus corpus =
          Corpus.of(
              Arrays.copyOf(real, realCount),
              texts.subList(0, realCount),
              size,
              synthetic,
              new Random(SEED + size));
      float[][] queryVectors =
          size > SQUAD_VECTORS ? interleave(squadQueries, claimQueries) : squadQueries;
      Map<String, Object> figures = measure(corpus, model, queryVectors, warmup, queries, batch);
      result.put(Integer.toString(size), figures);
      if (!summary.isEmpty()) {
        summary.append("; ");
      }
      summary.append(
          String.format(
              "%,d chunks: lucene HNSW %.3f ms/query; %.1fx faster than our exact backend"
                  + " (%.2f ms), %.1fx faster than langchain4j's InMemoryEmbeddingStore (%.2f ms);"
                  + " recall@10 %.3f",
              size,
              figures.get("lucene_ms_median"),
              figures.get("speedup_vs_exact"),
              figures.get("exact_ms_median"),
              figures.get("speedup_vs_in_memory_store"),
              figures.get("in_memory_store_ms_median"),
              figures.get("lucene_recall_at_10")));
    }
    result.put(
        "goals",
        "at 100,000: >= 3x faster than InMemoryEmbeddingStore, recall@10 >= 0.95 (no goal against"
            + " the exact backend: reported beside it)");
    result.write(summary + (vectorApi ? " (Vector API on)" : " (Vector API off)"));
  }

  private static void add(float[] sum, float[] v, float weight) {
    for (int d = 0; d < sum.length; d++) {
      sum[d] += weight * v[d];
    }
  }

  private static float[][] concat(float[][] first, float[][] second) {
    float[][] out = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, out, first.length, second.length);
    return out;
  }

  /** a0, b0, a1, b1, … while both last, then the rest of the longer. */
  private static float[][] interleave(float[][] a, float[][] b) {
    List<float[]> out = new ArrayList<>(a.length + b.length);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      if (i < a.length) {
        out.add(a[i]);
      }
      if (i < b.length) {
        out.add(b[i]);
      }
    }
    return out.toArray(new float[0][]);
  }

  /** Builds the three stores over {@code corpus} and times {@code queries} queries on each. */
  private static Map<String, Object> measure(
      Corpus corpus, String model, float[][] queryVectors, int warmup, int queries, int batch)
      throws Exception {
    int n = corpus.vectors().length;
    IndexSpec spec = IndexSpec.inMemory(model, corpus.vectors()[0].length);
    Map<String, Object> out = new LinkedHashMap<>();
    try (SessionIndex lucene = Plugins.backend("lucene").open(spec);
        SessionIndex exact = Plugins.backend("exact").open(spec)) {
      long start = System.nanoTime();
      addAll(lucene, corpus, batch);
      double luceneBuildSeconds = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      addAll(exact, corpus, batch);
      double exactBuildSeconds = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
      List<String> ids = new ArrayList<>(n);
      List<Embedding> embeddings = new ArrayList<>(n);
      List<TextSegment> segments = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        ids.add(chunk(corpus, i).id());
        embeddings.add(Embedding.from(corpus.vectors()[i]));
        segments.add(TextSegment.from(corpus.texts()[i]));
      }
      store.addAll(ids, embeddings, segments);
      double storeBuildSeconds = (System.nanoTime() - start) / 1e9;
      System.err.printf(
          "KnnBench: %,d vectors indexed (lucene %.1f s, exact %.1f s, in-memory store %.1f s)%n",
          n, luceneBuildSeconds, exactBuildSeconds, storeBuildSeconds);

      List<Searcher> searchers =
          List.of(
              q -> ids(lucene.vectorSearch(q, K)),
              q -> ids(exact.vectorSearch(q, K)),
              q -> {
                EmbeddingSearchRequest request =
                    EmbeddingSearchRequest.builder()
                        .queryEmbedding(Embedding.from(q))
                        .maxResults(K)
                        .build();
                List<String> found = new ArrayList<>(K);
                for (EmbeddingMatch<TextSegment> m : store.search(request).matches()) {
                  found.add(m.embeddingId());
                }
                return found;
              });
      for (int i = 0; i < warmup; i++) {
        for (Searcher s : searchers) {
          s.search(queryVectors[i]);
        }
      }
      double[][] millis = new double[searchers.size()][queries];
      int luceneFound = 0;
      int storeFound = 0;
      for (int i = 0; i < queries; i++) {
        float[] q = queryVectors[warmup + i];
        List<List<String>> answers = new ArrayList<>(List.of(List.of(), List.of(), List.of()));
        for (int j = 0; j < searchers.size(); j++) {
          int which = (i + j) % searchers.size(); // rotate who goes first
          long t = System.nanoTime();
          List<String> found = searchers.get(which).search(q);
          millis[which][i] = (System.nanoTime() - t) / 1e6;
          answers.set(which, found);
        }
        Set<String> truth = new HashSet<>(answers.get(1));
        luceneFound += (int) answers.get(0).stream().filter(truth::contains).count();
        storeFound += (int) answers.get(2).stream().filter(truth::contains).count();
      }
      double luceneMedian = Stats.median(millis[0]);
      double exactMedian = Stats.median(millis[1]);
      double storeMedian = Stats.median(millis[2]);
      out.put("chunks", n);
      out.put("real_vectors", Math.min(n, corpus.realCount()));
      out.put("synthetic_vectors", Math.max(0, n - corpus.realCount()));
      out.put("lucene_ms_median", Stats.round(luceneMedian, 4));
      out.put("lucene_ms_p99", Stats.round(Stats.percentile(millis[0], 99), 4));
      out.put("exact_ms_median", Stats.round(exactMedian, 4));
      out.put("exact_ms_p99", Stats.round(Stats.percentile(millis[1], 99), 4));
      out.put("in_memory_store_ms_median", Stats.round(storeMedian, 4));
      out.put("in_memory_store_ms_p99", Stats.round(Stats.percentile(millis[2], 99), 4));
      out.put("speedup_vs_in_memory_store", Stats.round(storeMedian / luceneMedian, 2));
      out.put("speedup_vs_exact", Stats.round(exactMedian / luceneMedian, 2));
      out.put("lucene_recall_at_10", Stats.round(luceneFound / (double) (queries * K), 4));
      out.put("in_memory_store_recall_at_10", Stats.round(storeFound / (double) (queries * K), 4));
      out.put("lucene_build_s", Stats.round(luceneBuildSeconds, 1));
      out.put("lucene_ram_bytes_used", lucene.ramBytesUsed());
      out.put("exact_ram_bytes_used", exact.ramBytesUsed());
    }
    return out;
  }

  @FunctionalInterface
  private interface Searcher {
    List<String> search(float[] query) throws Exception;
  }

  private static List<String> ids(List<ScoredChunk> hits) {
    List<String> out = new ArrayList<>(hits.size());
    hits.forEach(h -> out.add(h.chunk().id()));
    return out;
  }

  /** Adds the corpus in batches, as a session adds documents. */
  private static void addAll(SessionIndex index, Corpus corpus, int batch) throws Exception {
    int n = corpus.vectors().length;
    for (int from = 0; from < n; from += batch) {
      int to = Math.min(n, from + batch);
      List<Chunk> chunks = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        chunks.add(chunk(corpus, i));
      }
      index.add(chunks, Arrays.copyOfRange(corpus.vectors(), from, to));
    }
  }

  /** Vector {@code i} as a chunk: document {@code i / 100}, position {@code i % 100}. */
  private static Chunk chunk(Corpus corpus, int i) {
    String text = corpus.texts()[i];
    return new Chunk(
        "d" + i / DOC_SIZE, "t", i % DOC_SIZE, text, 0, text.length(), null, null, null, null);
  }

  /**
   * Vectors with a text each: the real ones first, then synthetic mixes of them.
   *
   * @param realCount how many of the real vectors there are (all of them may not be used)
   */
  private record Corpus(float[][] vectors, String[] texts, int realCount) {

    static Corpus of(
        float[][] real, List<String> realTexts, int size, String synthetic, Random random) {
      float[][] vectors = new float[size][];
      String[] texts = new String[size];
      int dim = real[0].length;
      for (int i = 0; i < size; i++) {
        if (i < real.length) {
          vectors[i] = real[i];
          texts[i] = realTexts.get(i);
          continue;
        }
        float[] v = new float[dim];
        int main = random.nextInt(real.length);
        if (synthetic.equals("mix2")) {
          float w = 0.5f + 0.4f * random.nextFloat();
          add(v, real[main], w);
          add(v, real[random.nextInt(real.length)], 1 - w);
        } else {
          add(v, real[main], (float) random.nextGaussian());
          for (int k = 1; k < 64; k++) {
            add(
                v,
                real[random.nextInt(real.length)],
                (float) (random.nextGaussian() / Math.sqrt(1 + k)));
          }
        }
        double norm = 0;
        for (int d = 0; d < dim; d++) {
          v[d] += (float) (0.01 * random.nextGaussian());
          norm += (double) v[d] * v[d];
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < dim; d++) {
          v[d] *= inv;
        }
        vectors[i] = v;
        texts[i] = realTexts.get(main);
      }
      return new Corpus(vectors, texts, real.length);
    }
  }
}

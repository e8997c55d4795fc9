package io.cogentx.bench;

import io.cogentx.retrieval.Chunker;
import io.cogentx.retrieval.FairEmbedder;
import io.cogentx.retrieval.SearchMode;
import io.cogentx.spi.EmbedderProvider;
import io.cogentx.spi.IndexBackend;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.SessionIndex;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Runs one retrieval-quality benchmark for each embedder asked for: builds the session index of the
 * corpus (Lucene backend, real chunker), scores the queries in keyword, vector and hybrid mode
 * through the server's {@code Retriever}, and with {@code --sweep} scores hybrid search under every
 * setting of {@link FusionGrid} on the same index.
 */
final class RetrievalBenchRunner {

  /** The server's defaults: {@code RetrievalRuntime} wraps the model like this. */
  static final int EMBEDDING_CONCURRENCY = 2;

  static final int EMBEDDING_BATCH = 32;
  static final int EMBEDDING_QUEUE = 256;

  static final List<SearchMode> MODES =
      List.of(SearchMode.KEYWORD, SearchMode.VECTOR, SearchMode.HYBRID);

  /** One embedder's outcome: mean of each metric per mode, ingest figures, and the JSON. */
  record EmbedderRun(
      String model,
      Map<SearchMode, double[]> means,
      EvalIndexBuilder.IngestStats ingest,
      Map<String, Object> json) {}

  private final EvalOptions options;
  private final List<EvalDocument> documents;
  private final QuerySet queries;

  RetrievalBenchRunner(EvalOptions options, List<EvalDocument> documents, QuerySet queries) {
    this.options = options;
    this.documents = documents;
    this.queries = queries;
  }

  /** Missing providers are reported as a string rather than failing the others. */
  static Map<String, EmbedderProvider> providers() {
    Map<String, EmbedderProvider> providers = new HashMap<>();
    ServiceLoader.load(EmbedderProvider.class).forEach(p -> providers.put(p.name(), p));
    return providers;
  }

  static IndexBackend luceneBackend() throws Exception {
    return Plugins.backend("lucene");
  }

  List<EmbedderRun> runAll() throws Exception {
    Map<String, EmbedderProvider> providers = providers();
    List<EmbedderRun> runs = new ArrayList<>();
    for (String model : options.embedders()) {
      EmbedderProvider provider = providers.get(model);
      if (provider == null) {
        throw new IllegalArgumentException(
            "no embedder named " + model + "; found " + providers.keySet());
      }
      runs.add(run(provider));
    }
    return runs;
  }

  private EmbedderRun run(EmbedderProvider provider) throws Exception {
    long loadStart = System.nanoTime();
    try (FairEmbedder embedder =
        new FairEmbedder(
            provider.create(PluginContext.of(options.embedderSettings())),
            EMBEDDING_CONCURRENCY,
            EMBEDDING_BATCH,
            EMBEDDING_QUEUE)) {
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
      Chunker chunker =
          new Chunker(
              embedder::countTokens,
              options.chunkTokens(Chunker.DEFAULT_MAX_TOKENS),
              options.overlapTokens(Chunker.DEFAULT_OVERLAP_TOKENS));
      EvalIndexBuilder.Built built =
          EvalIndexBuilder.build(
              documents, chunker, embedder, luceneBackend(), options.vectorCacheDir());
      System.out.printf("%s: ingested %s%n", provider.name(), built.stats().describe());
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("model_load_s", round(loadSeconds, 2));
      json.put("ingest", ingestJson(built.stats()));
      Map<SearchMode, double[]> means = new EnumMap<>(SearchMode.class);
      try (SessionIndex index = built.index()) {
        FusionSettings fusion = options.fusion();
        for (SearchMode mode : MODES) {
          QuerySet.Scores scores = queries.score(fusion.retriever(embedder), index, mode);
          double[] m = new double[queries.metrics().size()];
          for (int i = 0; i < m.length; i++) {
            m[i] = scores.mean(i);
          }
          means.put(mode, m);
          Map<String, Object> modeJson = metricsJson(m);
          modeJson.put("ms_per_query", round(scores.millisPerQuery(), 2));
          json.put(mode.label(), modeJson);
          System.out.printf("%s %-7s %s%n", provider.name(), mode.label(), modeJson);
        }
        json.put("hybrid_minus_best_single_points", gainJson(means));
        if (options.sweep()) {
          json.put("sweep", sweep(embedder, index));
        }
      }
      return new EmbedderRun(provider.name(), means, built.stats(), json);
    }
  }

  /**
   * Hybrid scores of every grid setting, with the paired difference to the shipping setting in the
   * first metric (mean and a normal-approximation 95 % interval over queries).
   */
  private Map<String, Object> sweep(FairEmbedder embedder, SessionIndex index) throws Exception {
    MemoizingEmbedder queryVectors = new MemoizingEmbedder(embedder);
    Map<String, Object> out = new LinkedHashMap<>();
    try (MemoizingIndex memo = new MemoizingIndex(index)) {
      FusionSettings shipping = FusionSettings.shipping();
      double[][] base =
          queries.score(shipping.retriever(queryVectors), memo, SearchMode.HYBRID).perQuery();
      List<FusionSettings> grid = new ArrayList<>(List.of(shipping));
      grid.addAll(FusionGrid.settings());
      String best = null;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (FusionSettings settings : grid) {
        double[][] perQuery =
            queries.score(settings.retriever(queryVectors), memo, SearchMode.HYBRID).perQuery();
        double[] m = new double[perQuery.length];
        for (int i = 0; i < m.length; i++) {
          m[i] = new QuerySet.Scores(perQuery, 0).mean(i);
        }
        Map<String, Object> entry = metricsJson(m);
        for (int i = 0; i < m.length; i++) {
          double[] diff = pairedDifference(perQuery[i], base[i]);
          entry.put(
              "delta_" + queries.metrics().get(i),
              String.format(
                  Locale.ROOT,
                  "%+.2f points (95%% CI %+.2f..%+.2f)",
                  100 * diff[0],
                  100 * diff[1],
                  100 * diff[2]));
        }
        out.put(settings.label(), entry);
        if (m[0] > bestScore) {
          bestScore = m[0];
          best = settings.label();
        }
      }
      out.put("best_by_" + queries.metrics().get(0), best);
      System.out.printf(
          "%s sweep: best %s %s = %.4f%n",
          embedder.modelName(), best, queries.metrics().get(0), bestScore);
    }
    return out;
  }

  /** Mean of {@code a - b} over queries and its 95 % interval (normal approximation). */
  static double[] pairedDifference(double[] a, double[] b) {
    int n = a.length;
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += a[i] - b[i];
    }
    mean /= n;
    double var = 0;
    for (int i = 0; i < n; i++) {
      double d = a[i] - b[i] - mean;
      var += d * d;
    }
    double half = n > 1 ? 1.96 * Math.sqrt(var / (n - 1) / n) : 0;
    return new double[] {mean, mean - half, mean + half};
  }

  private Map<String, Object> metricsJson(double[] means) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < means.length; i++) {
      out.put(queries.metrics().get(i), round(means[i], 4));
    }
    return out;
  }

  private Map<String, Object> gainJson(Map<SearchMode, double[]> means) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < queries.metrics().size(); i++) {
      double single = Math.max(means.get(SearchMode.KEYWORD)[i], means.get(SearchMode.VECTOR)[i]);
      out.put(queries.metrics().get(i), round(100 * (means.get(SearchMode.HYBRID)[i] - single), 2));
    }
    return out;
  }

  private static Map<String, Object> ingestJson(EvalIndexBuilder.IngestStats s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("documents", s.documents());
    out.put("chunks", s.chunks());
    out.put("chunks_per_document", round((double) s.chunks() / s.documents(), 2));
    out.put("seconds", round(s.totalSeconds(), 1));
    out.put("chunks_per_s", round(s.chunksPerSecond(), 1));
    out.put("chunking_s", round(s.chunkSeconds(), 1));
    out.put("embedding_s", round(s.embedSeconds(), 1));
    out.put("indexing_s", round(s.indexSeconds(), 1));
    if (s.fromCache()) {
      out.put(
          "vectors",
          s.vectorsEmbeddedAt() == null
              ? "read from the vector cache (embedding time unknown)"
              : "read from the vector cache; embedding_s measured when they were embedded, "
                  + s.vectorsEmbeddedAt());
    } else {
      out.put("vectors", "embedded in this run");
    }
    return out;
  }

  /** Settings common to every run, for the results file. */
  Map<String, Object> settingsJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    FusionSettings fusion = options.fusion();
    out.put("index_backend", "lucene (in memory, one index for the whole corpus)");
    out.put("chunker_max_tokens", options.chunkTokens(Chunker.DEFAULT_MAX_TOKENS));
    out.put("chunker_overlap_tokens", options.overlapTokens(Chunker.DEFAULT_OVERLAP_TOKENS));
    out.put("fusion", fusion.label());
    out.put("fusion_is_shipping_default", fusion.equals(FusionSettings.shipping()));
    out.put(
        "document_ranking", "chunks deduplicated by document, a document ranks at its best chunk");
    out.put("flags", new LinkedHashMap<>(options.given()));
    return out;
  }

  static double round(double value, int places) {
    double scale = Math.pow(10, places);
    return Math.round(value * scale) / scale;
  }
}

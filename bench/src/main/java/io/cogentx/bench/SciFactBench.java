package io.cogentx.bench;

import io.cogentx.retrieval.Retriever;
import io.cogentx.retrieval.SearchMode;
import io.cogentx.spi.SessionIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Retrieval quality on SciFact: the 5,183 abstracts are ingested into one Lucene session index
 * through the real chunker and embedder, and the claims of one split are searched in keyword,
 * vector and hybrid mode through the server's {@code Retriever}; reports BEIR's nDCG@10 and
 * recall@100 at document level (a document ranks at its best chunk). {@code --split=development}
 * (the default) uses the 809 claims of {@code qrels/train.tsv}, where settings are chosen ({@code
 * --sweep}); {@code --split=test} the 300 of {@code qrels/test.tsv}, evaluated once with the chosen
 * settings. Published references for the test split: BM25 0.679 and all-MiniLM-L6-v2 0.645 nDCG@10.
 *
 * <p>Run with {@code bench/run.sh SciFactBench [flags]} (see {@link EvalOptions}); by default both
 * embedders with the shipping fusion settings, writing {@code bench/results/scifact-dev.json} (or
 * {@code -dev-sweep}, {@code -test}).
 */
public final class SciFactBench {

  private static final int NDCG_AT = 10;
  private static final int RECALL_AT = 100;

  private SciFactBench() {}

  public static void main(String[] args) throws Exception {
    EvalOptions options = EvalOptions.parse(args);
    Path dir = options.dataDir().resolve("qa/scifact");
    String split = options.split();
    if (!SciFactSet.present(dir, split)) {
      System.out.println(
          "SciFactBench SKIPPED: SciFact not found at "
              + dir.toAbsolutePath()
              + " (pass the shared data directory as --data=DIR)");
      return;
    }
    SciFactSet set = SciFactSet.read(dir, split);
    Claims claims = new Claims(set);
    RetrievalBenchRunner runner = new RetrievalBenchRunner(options, set.corpus(), claims);
    List<RetrievalBenchRunner.EmbedderRun> runs = runner.runAll();

    BenchResult result = new BenchResult(options.resultsName("scifact"));
    result
        .put("split", split)
        .put(
            "data",
            "SciFact (BEIR): corpus.jsonl, queries.jsonl, "
                + SciFactSet.qrelsFile(split)
                + (split.equals(EvalOptions.TEST)
                    ? " (test claims: evaluated once, nothing chosen on them)"
                    : " (train claims: the development data settings are chosen on)"))
        .put("documents", set.corpus().size())
        .put("queries", claims.size())
        .put("settings", runner.settingsJson())
        .put(
            "published_reference_ndcg@10",
            Map.of("bm25", 0.679, "all-MiniLM-L6-v2 dense", 0.645, "goal hybrid (test)", 0.70));
    List<String> parts = new ArrayList<>();
    for (RetrievalBenchRunner.EmbedderRun run : runs) {
      result.put(run.model(), run.json());
      parts.add(
          String.format(
              Locale.ROOT,
              "%s nDCG@10 keyword %.3f vector %.3f hybrid %.3f (ingest %.0f chunks/s)",
              run.model(),
              run.means().get(SearchMode.KEYWORD)[0],
              run.means().get(SearchMode.VECTOR)[0],
              run.means().get(SearchMode.HYBRID)[0],
              run.ingest().chunksPerSecond()));
    }
    result.write(String.join("; ", parts));
  }

  /** The judged claims of the split, scored by nDCG@10 and recall@100. */
  private static final class Claims implements QuerySet {

    private final List<String> texts = new ArrayList<>();
    private final List<Map<String, Integer>> judgements = new ArrayList<>();

    Claims(SciFactSet set) {
      for (Map.Entry<String, Map<String, Integer>> e : set.qrels().entrySet()) {
        texts.add(set.queries().get(e.getKey()));
        judgements.add(new LinkedHashMap<>(e.getValue()));
      }
    }

    @Override
    public List<String> metrics() {
      return List.of("ndcg@" + NDCG_AT, "recall@" + RECALL_AT);
    }

    @Override
    public int size() {
      return texts.size();
    }

    @Override
    public Scores score(Retriever retriever, SessionIndex index, SearchMode mode)
        throws IOException {
      double[][] perQuery = new double[2][texts.size()];
      long start = System.nanoTime();
      for (int q = 0; q < texts.size(); q++) {
        List<String> top = DocumentSearch.top(retriever, index, texts.get(q), mode, NDCG_AT);
        perQuery[0][q] = RankingMetrics.ndcg(top, judgements.get(q), NDCG_AT);
      }
      double millis = (System.nanoTime() - start) / 1e6 / texts.size();
      for (int q = 0; q < texts.size(); q++) {
        List<String> top = DocumentSearch.top(retriever, index, texts.get(q), mode, RECALL_AT);
        perQuery[1][q] = RankingMetrics.recall(top, judgements.get(q), RECALL_AT);
      }
      return new Scores(perQuery, millis);
    }
  }
}

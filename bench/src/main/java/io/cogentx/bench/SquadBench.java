package io.cogentx.bench;

import io.cogentx.retrieval.Retriever;
import io.cogentx.retrieval.SearchMode;
import io.cogentx.spi.SessionIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Passage retrieval on SQuAD v1.1 dev, one side of the fixed article split ({@code
 * bench/splits/squad-articles.json}): the paragraphs of the 24 articles of that side are ingested
 * as documents into one Lucene session index through the real chunker and embedder (the other
 * side's articles are never ingested), and their questions are searched in keyword, vector and
 * hybrid mode through the server's {@code Retriever}; reports recall@1 and recall@5 of the
 * paragraph each question was written from (a paragraph ranks at its best chunk). Settings are
 * chosen on {@code --split=development} (the default) with {@code --sweep}; {@code --split=test} is
 * evaluated once with the chosen settings.
 *
 * <p>Run with {@code bench/run.sh SquadBench [flags]} (see {@link EvalOptions}; {@code
 * --questions=N --seed=S} for a seeded sample, default all questions of the side); by default both
 * embedders with the shipping fusion settings, writing {@code bench/results/squad-dev.json} (or
 * {@code -dev-sweep}, {@code -test}).
 */
public final class SquadBench {

  private static final int[] RECALL_AT = {1, 5};

  private SquadBench() {}

  public static void main(String[] args) throws Exception {
    EvalOptions options = EvalOptions.parse(args);
    Path file = options.dataDir().resolve("qa/squad-dev-v1.1.json");
    if (!Files.isRegularFile(file)) {
      System.out.println(
          "SquadBench SKIPPED: SQuAD not found at "
              + file.toAbsolutePath()
              + " (pass the shared data directory as --data=DIR)");
      return;
    }
    String split = options.split();
    SquadSet set = SquadSet.read(file, SquadSet.splitArticles(SquadSet.splitFile(), split));
    long seed = options.longValue("seed", 42);
    List<SquadSet.Question> sample =
        set.sample(options.integer("questions", set.questions().size()), seed);
    Questions questions = new Questions(sample);
    RetrievalBenchRunner runner = new RetrievalBenchRunner(options, set.paragraphs(), questions);
    List<RetrievalBenchRunner.EmbedderRun> runs = runner.runAll();

    BenchResult result = new BenchResult(options.resultsName("squad"));
    result
        .put("split", split)
        .put(
            "data",
            "SQuAD v1.1 dev, the "
                + split
                + " articles of bench/splits/squad-articles.json, one document per paragraph"
                + (split.equals(EvalOptions.TEST)
                    ? " (evaluated once, nothing chosen on them)"
                    : " (settings are chosen on these)"))
        .put("documents", set.paragraphs().size())
        .put("questions", sample.size())
        .put(
            "question_sample",
            sample.size() == set.questions().size()
                ? "all questions"
                : "seeded shuffle, seed " + seed)
        .put("settings", runner.settingsJson());
    List<String> parts = new ArrayList<>();
    for (RetrievalBenchRunner.EmbedderRun run : runs) {
      result.put(run.model(), run.json());
      parts.add(
          String.format(
              Locale.ROOT,
              "%s recall@1/@5 keyword %.3f/%.3f vector %.3f/%.3f hybrid %.3f/%.3f",
              run.model(),
              run.means().get(SearchMode.KEYWORD)[0],
              run.means().get(SearchMode.KEYWORD)[1],
              run.means().get(SearchMode.VECTOR)[0],
              run.means().get(SearchMode.VECTOR)[1],
              run.means().get(SearchMode.HYBRID)[0],
              run.means().get(SearchMode.HYBRID)[1]));
    }
    result.write(String.join("; ", parts));
  }

  /** Questions scored by whether their paragraph is in the first 1 and 5 documents. */
  private static final class Questions implements QuerySet {

    private final List<SquadSet.Question> questions;

    Questions(List<SquadSet.Question> questions) {
      this.questions = questions;
    }

    @Override
    public List<String> metrics() {
      List<String> names = new ArrayList<>();
      for (int k : RECALL_AT) {
        names.add("recall@" + k);
      }
      return names;
    }

    @Override
    public int size() {
      return questions.size();
    }

    @Override
    public Scores score(Retriever retriever, SessionIndex index, SearchMode mode)
        throws IOException {
      int depth = RECALL_AT[RECALL_AT.length - 1];
      double[][] perQuery = new double[RECALL_AT.length][questions.size()];
      long start = System.nanoTime();
      for (int q = 0; q < questions.size(); q++) {
        SquadSet.Question question = questions.get(q);
        List<String> top = DocumentSearch.top(retriever, index, question.text(), mode, depth);
        Map<String, Integer> gold = Map.of(question.paragraphId(), 1);
        for (int i = 0; i < RECALL_AT.length; i++) {
          perQuery[i][q] = RankingMetrics.recall(top, gold, RECALL_AT[i]);
        }
      }
      double millis = (System.nanoTime() - start) / 1e6 / questions.size();
      return new Scores(perQuery, millis);
    }
  }
}

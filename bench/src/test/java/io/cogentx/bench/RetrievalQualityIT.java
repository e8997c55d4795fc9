package io.cogentx.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cogentx.retrieval.SearchMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Retrieval quality guarded on every build: a small, fixed slice of the benchmarks' test data,
 * indexed through the real chunker, the int8 embedding model and the Lucene backend, searched
 * through the server's {@code Retriever} with its default fusion, each mode held to a floor a few
 * points under what it scored when the floors were set (in parentheses). A change that breaks
 * keyword, vector or hybrid search (half the nDCG, say) fails the build; noise does not, as nothing
 * here is random.
 *
 * <ul>
 *   <li>SciFact: the 300 test claims against every abstract judged for them plus {@value
 *       #SCIFACT_DISTRACTORS} others drawn once (seed {@value #SEED}); nDCG@10.
 *   <li>SQuAD: the paragraphs of the first {@value #SQUAD_ARTICLES} test articles of {@code
 *       bench/splits/squad-articles.json} and {@value #SQUAD_QUESTIONS} of their questions (seeded
 *       draw); recall@1.
 * </ul>
 *
 * <p>Skipped, saying so, when the shared data ({@code ../shared/data}, or {@code $COGENTX_DATA}) is
 * not there.
 */
class RetrievalQualityIT {

  static final int SCIFACT_DISTRACTORS = 500;
  static final int SQUAD_ARTICLES = 5;
  static final int SQUAD_QUESTIONS = 300;
  static final long SEED = 15;

  /**
   * Floors, about 3 points under the slice's figures when they were set (int8, convex fusion of the
   * top 200): SciFact nDCG@10 keyword 0.807, vector 0.818, hybrid 0.859.
   */
  private static final Map<SearchMode, Double> SCIFACT_FLOORS =
      Map.of(SearchMode.KEYWORD, 0.78, SearchMode.VECTOR, 0.79, SearchMode.HYBRID, 0.83);

  /** SQuAD recall@1 keyword 0.873, vector 0.677, hybrid 0.860 when set. */
  private static final Map<SearchMode, Double> SQUAD_FLOORS =
      Map.of(SearchMode.KEYWORD, 0.84, SearchMode.VECTOR, 0.64, SearchMode.HYBRID, 0.83);

  private static Path data;

  @BeforeAll
  static void findData() {
    data = BenchArgs.dataDir(null);
  }

  @Test
  void sciFactTestClaimsFindTheirAbstracts() throws Exception {
    Path dir = data.resolve("qa/scifact");
    assumeTrue(
        SciFactSet.present(dir, EvalOptions.TEST),
        "SciFact not found under " + dir.toAbsolutePath() + ": skipping the retrieval floors");
    SciFactSet full = SciFactSet.read(dir, EvalOptions.TEST);
    SciFactSet slice = slice(full);
    Map<SearchMode, double[]> means =
        run(slice.corpus(), new SciFactBench.Claims(slice), "SciFact nDCG@10");
    assertFloors(means, SCIFACT_FLOORS, "SciFact test slice nDCG@10");
  }

  @Test
  void squadTestQuestionsFindTheirParagraphs() throws Exception {
    Path file = data.resolve("qa/squad-dev-v1.1.json");
    assumeTrue(
        Files.isRegularFile(file),
        "SQuAD not found at " + file.toAbsolutePath() + ": skipping the retrieval floors");
    List<String> test =
        new ArrayList<>(SquadSet.splitArticles(SquadSet.splitFile(), EvalOptions.TEST));
    Collections.sort(test);
    SquadSet set = SquadSet.read(file, new LinkedHashSet<>(test.subList(0, SQUAD_ARTICLES)));
    List<SquadSet.Question> questions = set.sample(SQUAD_QUESTIONS, SEED);
    Map<SearchMode, double[]> means =
        run(set.paragraphs(), new SquadBench.Questions(questions), "SQuAD recall@1/@5");
    assertFloors(means, SQUAD_FLOORS, "SQuAD test slice recall@1");
  }

  /** The claims with every judged abstract, plus a fixed draw of others, in corpus order. */
  static SciFactSet slice(SciFactSet full) {
    Set<String> relevant = new HashSet<>();
    full.qrels().values().forEach(q -> relevant.addAll(q.keySet()));
    List<String> others = new ArrayList<>();
    for (EvalDocument d : full.corpus()) {
      if (!relevant.contains(d.id())) {
        others.add(d.id());
      }
    }
    Collections.shuffle(others, new Random(SEED));
    Set<String> keep = new HashSet<>(relevant);
    keep.addAll(others.subList(0, SCIFACT_DISTRACTORS));
    List<EvalDocument> corpus = full.corpus().stream().filter(d -> keep.contains(d.id())).toList();
    return new SciFactSet(corpus, full.queries(), full.qrels());
  }

  private static Map<SearchMode, double[]> run(
      List<EvalDocument> documents, QuerySet queries, String label) throws Exception {
    EvalOptions options =
        EvalOptions.parse(
            new String[] {"--embedders=int8", "--vector-cache=false", "--split=test"});
    long start = System.nanoTime();
    RetrievalBenchRunner.EmbedderRun run =
        new RetrievalBenchRunner(options, documents, queries).runAll().get(0);
    System.out.printf(
        Locale.ROOT,
        "RetrievalQualityIT %s, %d documents, %d queries, %.0f s: keyword %s vector %s hybrid"
            + " %s%n",
        label,
        documents.size(),
        queries.size(),
        (System.nanoTime() - start) / 1e9,
        format(run.means().get(SearchMode.KEYWORD)),
        format(run.means().get(SearchMode.VECTOR)),
        format(run.means().get(SearchMode.HYBRID)));
    return run.means();
  }

  private static void assertFloors(
      Map<SearchMode, double[]> means, Map<SearchMode, Double> floors, String what) {
    for (SearchMode mode : RetrievalBenchRunner.MODES) {
      assertThat(means.get(mode)[0])
          .as("%s, %s search (floor %.3f)", what, mode.label(), floors.get(mode))
          .isGreaterThanOrEqualTo(floors.get(mode));
    }
  }

  private static String format(double[] values) {
    List<String> out = new ArrayList<>();
    for (double v : values) {
      out.add(String.format(Locale.ROOT, "%.4f", v));
    }
    return String.join("/", out);
  }
}

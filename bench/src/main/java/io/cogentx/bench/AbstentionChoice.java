package io.cogentx.bench;

import io.cogentx.answer.AbstentionPolicy;
import io.cogentx.bench.AnswerBench.Measured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses the shipping abstention values from several article draws at once: reads the question
 * signals that {@code AnswerBench --dump=FILE} wrote for each draw, pools them, and takes the grid
 * point ({@code w} 0–1.5 by 0.05, {@code t} 0.4–0.8 by 0.0025) whose pooled rates are farthest from
 * both goals (the larger of the two margins' minimum: abstain on ≥ 95 % of unanswerable and ≤ 5 %
 * of answerable questions). A threshold chosen on one draw of 400 + 400 questions moves by a point
 * or two on the next draw; pooling draws steadies it. Prints the point and each draw's rates under
 * it, and writes {@code bench/results/abstention-choice.json}.
 *
 * <p>Run with {@code bench/run.sh AbstentionChoice DUMP...}, e.g. after {@code bench/run.sh
 * AnswerBench --seed=7 --dump=bench/target/answers-7.tsv} for seeds 7, 11 and 23.
 */
public final class AbstentionChoice {

  private static final double GOAL_UNANSWERABLE = 0.95;
  private static final double GOAL_ANSWERABLE = 0.05;

  private AbstentionChoice() {}

  public static void main(String[] args) throws Exception {
    BenchArgs a = BenchArgs.parse(args);
    List<String> chooseFrom = new ArrayList<>();
    for (int i = 0; a.positional(i, null) != null; i++) {
      chooseFrom.add(a.positional(i, null));
    }
    if (chooseFrom.isEmpty()) {
      BenchArgs.skipped("AbstentionChoice", "no AnswerBench dumps given");
      return;
    }
    List<String> testOn =
        a.option("test", "").isBlank() ? List.of() : List.of(a.option("test", "").split(","));
    Map<String, List<Measured>> draws = read(chooseFrom);
    Map<String, List<Measured>> tests = read(testOn);
    List<Measured> pooled = pool(draws);
    AbstentionPolicy best = choose(pooled);
    double[] all = rates(best, pooled);
    BenchResult result =
        new BenchResult(a.option("name", "abstention-choice"))
            .put("questions", pooled.size())
            .put("threshold", best.threshold())
            .put("coverage_weight", best.coverageWeight())
            .put("chosen_on", describe(best, draws));
    String summary =
        String.format(
            "t=%.4f w=%.2f chosen on %d questions of %d draws (%.1f %% / %.1f %% there)",
            best.threshold(),
            best.coverageWeight(),
            pooled.size(),
            draws.size(),
            100 * all[1],
            100 * all[0]);
    if (!tests.isEmpty()) {
      double[] held = rates(best, pool(tests));
      result.put("tested_on", describe(best, tests));
      summary +=
          String.format(
              "; on %d other draws: abstains on %.1f %% of unanswerable, %.1f %% of answerable"
                  + " (goals >= 95 / <= 5)",
              tests.size(), 100 * held[1], 100 * held[0]);
    }
    result.write(summary);
  }

  private static Map<String, Object> describe(
      AbstentionPolicy policy, Map<String, List<Measured>> draws) {
    Map<String, Object> out = new LinkedHashMap<>();
    double[] all = rates(policy, pool(draws));
    out.put("pooled_abstain_unanswerable", round(all[1]));
    out.put("pooled_abstain_answerable", round(all[0]));
    Map<String, Object> perDraw = new LinkedHashMap<>();
    draws.forEach(
        (name, signals) -> {
          double[] r = rates(policy, signals);
          perDraw.put(
              name, Map.of("abstain_unanswerable", round(r[1]), "abstain_answerable", round(r[0])));
        });
    out.put("per_draw", perDraw);
    return out;
  }

  private static List<Measured> pool(Map<String, List<Measured>> draws) {
    List<Measured> pooled = new ArrayList<>();
    draws.values().forEach(pooled::addAll);
    return pooled;
  }

  private static Map<String, List<Measured>> read(List<String> files) throws java.io.IOException {
    Map<String, List<Measured>> draws = new LinkedHashMap<>();
    for (String file : files) {
      draws.put(Path.of(file).getFileName().toString(), read(Path.of(file)));
    }
    return draws;
  }

  /** The grid point whose smaller margin to the two goals is largest. */
  static AbstentionPolicy choose(List<Measured> signals) {
    AbstentionPolicy best = null;
    double bestMargin = Double.NEGATIVE_INFINITY;
    for (int wi = 0; wi <= 30; wi++) {
      for (int ti = 0; ti <= 160; ti++) {
        AbstentionPolicy p =
            new AbstentionPolicy(Stats.round(0.4 + ti * 0.0025, 4), Stats.round(wi * 0.05, 2));
        double[] r = rates(p, signals);
        double margin = Math.min(r[1] - GOAL_UNANSWERABLE, GOAL_ANSWERABLE - r[0]);
        if (margin > bestMargin + 1e-12) {
          bestMargin = margin;
          best = p;
        }
      }
    }
    return best;
  }

  /** {abstain rate on answerable, on unanswerable}, as AnswerBench counts them. */
  static double[] rates(AbstentionPolicy policy, List<Measured> signals) {
    return AnswerBench.rates(policy, signals, Measured::evidence);
  }

  /** The questions of one {@code AnswerBench --dump} file. */
  private static List<Measured> read(Path dump) throws java.io.IOException {
    List<Measured> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(dump);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", 6);
      out.add(
          new Measured(
              Boolean.parseBoolean(f[0]),
              Double.parseDouble(f[1]),
              Double.parseDouble(f[2]),
              Double.parseDouble(f[3]),
              Boolean.parseBoolean(f[4]),
              f[5]));
    }
    return out;
  }

  private static double round(double v) {
    return Stats.round(v, 4);
  }
}

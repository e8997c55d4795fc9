package io.cogentx.bench;

import io.cogentx.answer.AbstentionPolicy;
import io.cogentx.answer.Mismatch;
import io.cogentx.bench.AnswerBench.Measured;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the shipping abstention values from {@code AnswerBench --split=development --dump=FILE}
 * (it refuses a dump of the test split): every combination of {@link Mismatch} checks, the least
 * coverage at which they count ({@value #MISMATCH_COVERAGES}), coverage weight {@code w} 0–1.5 by
 * 0.05 and threshold {@code t} 0.4–0.9 by 0.0025 is scored on the development questions. The three
 * goals that a topic rule can meet come first: off-topic abstention ≥ 95 % on unanswerable and ≤ 5
 * % on answerable questions, and in-topic answers to ≥ 85 % of answerable ones. Among the points
 * that meet all three by at least {@code --margin} (default half a point), the one abstaining most
 * on in-topic unanswerable questions wins (ties: the larger margin, then the fewer checks); if none
 * does, the point with the largest smallest margin. Prints the point and writes {@code
 * bench/results/abstention-choice.json}, with the best point of each set of checks, so what each
 * check buys on development questions is on record.
 *
 * <p>Run with {@code bench/run.sh AbstentionChoice [--margin=0.005] DUMP}, after {@code
 * bench/run.sh AnswerBench --split=development --dump=bench/target/answers-development.tsv}.
 */
public final class AbstentionChoice {

  static final double OFF_TOPIC_UNANSWERABLE = 0.95;
  static final double OFF_TOPIC_ANSWERABLE = 0.05;
  static final double IN_TOPIC_ANSWERED = 0.85;
  static final String MISMATCH_COVERAGES = "0, 0.5, 0.6, 0.7, 0.8";

  private AbstentionChoice() {}

  /** A policy's rates on the development questions and its smallest margin to the three goals. */
  record Scored(AbstentionPolicy policy, double[] offTopic, double[] inTopic, double margin) {

    double inTopicUnanswerable() {
      return inTopic[1];
    }
  }

  public static void main(String[] args) throws Exception {
    BenchArgs a = BenchArgs.parse(args);
    String dump = a.positional(0, null);
    if (dump == null) {
      BenchArgs.skipped("AbstentionChoice", "no AnswerBench dump given");
      return;
    }
    String split = AnswerBench.dumpSplit(Path.of(dump));
    if (!ArticleSplit.DEVELOPMENT.equals(split)) {
      throw new IllegalArgumentException(
          "values are chosen on the development split only; " + dump + " is of " + split);
    }
    double margin = Double.parseDouble(a.option("margin", "0.005"));
    List<Measured> measured = AnswerBench.readDump(Path.of(dump));
    Map<String, Object> perChecks = new LinkedHashMap<>();
    Scored best = null;
    for (Set<Mismatch> checks : subsets()) {
      Scored s = choose(measured, checks, margin);
      perChecks.put(AnswerBench.mismatches(checks), describe(s));
      if (best == null || better(s, best, margin)) {
        best = s;
      }
    }
    AbstentionPolicy p = best.policy();
    new BenchResult(a.option("name", "abstention-choice"))
        .put("split", split)
        .put("dump", dump)
        .put("questions", measured.size())
        .put("margin", margin)
        .put(
            "rule",
            "meet off-topic >= 0.95 / <= 0.05 and in-topic answered >= 0.85 by the margin, then"
                + " abstain most on in-topic unanswerable")
        .put("chosen", describe(best))
        .put("best_per_set_of_checks", perChecks)
        .write(
            String.format(
                Locale.ROOT,
                "t=%.4f w=%.2f mismatches %s at coverage >= %.2f, chosen on %,d development questions: off-topic"
                    + " abstains on %.1f %% of unanswerable, %.1f %% of answerable; in-topic on"
                    + " %.1f %% of unanswerable, answers %.1f %% of answerable",
                p.threshold(),
                p.coverageWeight(),
                AnswerBench.mismatches(p.mismatches()),
                p.mismatchCoverage(),
                measured.size(),
                100 * best.offTopic()[1],
                100 * best.offTopic()[0],
                100 * best.inTopic()[1],
                100 * (1 - best.inTopic()[0])));
  }

  /** Every set of mismatch checks, the empty one first. */
  static List<Set<Mismatch>> subsets() {
    Mismatch[] all = Mismatch.values();
    List<Set<Mismatch>> out = new ArrayList<>();
    for (int bits = 0; bits < 1 << all.length; bits++) {
      EnumSet<Mismatch> s = EnumSet.noneOf(Mismatch.class);
      for (int i = 0; i < all.length; i++) {
        if ((bits & 1 << i) != 0) {
          s.add(all[i]);
        }
      }
      out.add(s);
    }
    return out;
  }

  /** The best grid point with the mismatch checks {@code checks}. */
  static Scored choose(List<Measured> measured, Set<Mismatch> checks, double margin) {
    Signals signals = new Signals(measured);
    double[] gates =
        checks.isEmpty()
            ? new double[] {0}
            : java.util.Arrays.stream(MISMATCH_COVERAGES.split(", "))
                .mapToDouble(Double::parseDouble)
                .toArray();
    Scored best = null;
    for (double gate : gates) {
      for (int wi = 0; wi <= 30; wi++) {
        for (int ti = 0; ti <= 200; ti++) {
          AbstentionPolicy p =
              new AbstentionPolicy(
                  Stats.round(0.4 + ti * 0.0025, 4), Stats.round(wi * 0.05, 2), checks, gate);
          Scored s = signals.score(p);
          if (best == null || better(s, best, margin)) {
            best = s;
          }
        }
      }
    }
    return best;
  }

  /**
   * The development questions' signals in arrays, so that the grid is scored quickly; counts as
   * {@link AnswerBench#abstains} does.
   */
  static final class Signals {
    private final List<Measured> measured;
    private final int[] group; // 0 off-topic answerable, 1 off-topic unanswerable, 2, 3 in-topic
    private final int[] size = new int[4];

    Signals(List<Measured> measured) {
      this.measured = measured;
      group = new int[measured.size()];
      for (int i = 0; i < group.length; i++) {
        Measured m = measured.get(i);
        group[i] = (m.set().equals(AnswerBench.IN_TOPIC) ? 2 : 0) + (m.answerable() ? 0 : 1);
        size[group[i]]++;
      }
    }

    Scored score(AbstentionPolicy p) {
      int[] abstained = new int[4];
      for (int i = 0; i < group.length; i++) {
        if (AnswerBench.abstains(p, measured.get(i))) {
          abstained[group[i]]++;
        }
      }
      double[] o = {rate(abstained, 0), rate(abstained, 1)};
      double[] in = {rate(abstained, 2), rate(abstained, 3)};
      double m =
          Math.min(
              Math.min(o[1] - OFF_TOPIC_UNANSWERABLE, OFF_TOPIC_ANSWERABLE - o[0]),
              (1 - in[0]) - IN_TOPIC_ANSWERED);
      return new Scored(p, o, in, m);
    }

    private double rate(int[] abstained, int g) {
      return size[g] == 0 ? Double.NaN : (double) abstained[g] / size[g];
    }
  }

  /** Whether {@code a} is to be preferred to {@code b} under the rule of this class. */
  static boolean better(Scored a, Scored b, double margin) {
    boolean aMeets = a.margin() >= margin - 1e-12;
    boolean bMeets = b.margin() >= margin - 1e-12;
    if (aMeets != bMeets) {
      return aMeets;
    }
    if (!aMeets) {
      return a.margin() > b.margin() + 1e-12;
    }
    if (Math.abs(a.inTopicUnanswerable() - b.inTopicUnanswerable()) > 1e-12) {
      return a.inTopicUnanswerable() > b.inTopicUnanswerable();
    }
    if (Math.abs(a.margin() - b.margin()) > 1e-12) {
      return a.margin() > b.margin();
    }
    return a.policy().mismatches().size() < b.policy().mismatches().size();
  }

  private static Map<String, Object> describe(Scored s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("threshold", s.policy().threshold());
    out.put("coverage_weight", s.policy().coverageWeight());
    out.put("mismatches", AnswerBench.mismatches(s.policy().mismatches()));
    out.put("mismatch_coverage", s.policy().mismatchCoverage());
    out.put("off_topic_abstain_unanswerable", Stats.round(s.offTopic()[1], 4));
    out.put("off_topic_abstain_answerable", Stats.round(s.offTopic()[0], 4));
    out.put("in_topic_abstain_unanswerable", Stats.round(s.inTopic()[1], 4));
    out.put("in_topic_answer_answerable", Stats.round(1 - s.inTopic()[0], 4));
    out.put("smallest_margin", Stats.round(s.margin(), 4));
    return out;
  }
}

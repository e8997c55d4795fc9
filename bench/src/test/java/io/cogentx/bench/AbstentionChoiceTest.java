package io.cogentx.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.answer.AbstentionPolicy;
import io.cogentx.answer.Mismatch;
import io.cogentx.bench.AnswerBench.Measured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AbstentionChoiceTest {

  private static Measured q(String set, boolean answerable, double cosine, Set<Mismatch> found) {
    return new Measured(
        set, answerable, new AbstentionPolicy.Evidence(cosine, 1.0, found), false, answerable, "q");
  }

  /**
   * 100 off-topic answerable questions with cosine 0.80..0.99 and 100 unanswerable with 0.20..0.39
   * (any threshold between separates them); in topic, 20 answerable and 20 unanswerable questions
   * with the same cosine, half of the unanswerable ones negated against their sentence, and one
   * answerable one too.
   */
  private static List<Measured> questions() {
    List<Measured> out = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      out.add(q(AnswerBench.OFF_TOPIC, true, 0.80 + i * 0.002, Set.of()));
      out.add(q(AnswerBench.OFF_TOPIC, false, 0.20 + i * 0.002, Set.of()));
    }
    for (int i = 0; i < 20; i++) {
      out.add(q(AnswerBench.IN_TOPIC, true, 0.9, i == 0 ? Set.of(Mismatch.NEGATION) : Set.of()));
      out.add(q(AnswerBench.IN_TOPIC, false, 0.9, i < 10 ? Set.of(Mismatch.NEGATION) : Set.of()));
    }
    return out;
  }

  @Test
  void theChosenPointMeetsTheTopicGoalsAndThenAbstainsMostInTopic() {
    AbstentionChoice.Scored chosen =
        AbstentionChoice.choose(questions(), Set.of(Mismatch.NEGATION), 0.005);

    // coverage is 1 everywhere: cosine + w must fall between the two off-topic bands
    AbstentionPolicy p = chosen.policy();
    assertThat(p.threshold() - p.coverageWeight()).isBetween(0.398, 0.80);
    assertThat(chosen.offTopic()).containsExactly(0.0, 1.0);
    // the negation check catches half of the in-topic unanswerable questions for one answerable
    assertThat(chosen.inTopicUnanswerable()).isEqualTo(0.5);
    assertThat(chosen.inTopic()[0]).isEqualTo(0.05);
    assertThat(chosen.margin()).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-9));

    // without the check nothing in topic is caught
    assertThat(AbstentionChoice.choose(questions(), Set.of(), 0.005).inTopicUnanswerable())
        .isZero();
  }

  @Test
  void meetingTheTopicGoalsComesBeforeAbstainingInTopic() {
    AbstentionPolicy dummy = new AbstentionPolicy(0.5, 0);
    AbstentionChoice.Scored meets =
        new AbstentionChoice.Scored(
            dummy, new double[] {0.04, 0.96}, new double[] {0.1, 0.2}, 0.01);
    AbstentionChoice.Scored misses =
        new AbstentionChoice.Scored(
            dummy, new double[] {0.06, 0.99}, new double[] {0.1, 0.6}, -0.01);
    assertThat(AbstentionChoice.better(meets, misses, 0.005)).isTrue();
    assertThat(AbstentionChoice.better(misses, meets, 0.005)).isFalse();
    // when neither meets them, the smaller miss wins
    AbstentionChoice.Scored nearer =
        new AbstentionChoice.Scored(dummy, new double[] {0.055, 0.9}, new double[] {0, 0}, -0.005);
    assertThat(AbstentionChoice.better(nearer, misses, 0.005)).isTrue();
  }

  @Test
  void aDumpReadsBackAsWrittenAndTellsItsSplit(@TempDir Path dir) throws Exception {
    Path dump = dir.resolve("dev.tsv");
    Files.writeString(
        dump,
        "# split: development\n"
            + "set\tanswerable\tcosine\tcoverage\tmismatches\tempty\tgold\tquestion\n"
            + "in-topic\tfalse\t0.7\t0.8\tNEGATION,YEAR\tfalse\tfalse\tWhat did not happen?\n"
            + "off-topic\ttrue\t0.6\t0.5\t-\ttrue\ttrue\tWho came?\n");

    assertThat(AnswerBench.dumpSplit(dump)).isEqualTo("development");
    List<Measured> read = AnswerBench.readDump(dump);
    assertThat(read).hasSize(2);
    assertThat(read.get(0).evidence().mismatches())
        .containsExactlyInAnyOrder(Mismatch.NEGATION, Mismatch.YEAR);
    assertThat(read.get(0).answerable()).isFalse();
    assertThat(read.get(1).extractiveEmpty()).isTrue();
    assertThat(read.get(1).evidence().mismatches()).isEmpty();
    // an empty extractive answer is an abstention whatever the policy
    assertThat(AnswerBench.abstains(new AbstentionPolicy(0, 0), read.get(1))).isTrue();
  }
}

package io.cogentx.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.retrieval.Retriever.Retrieval;
import io.cogentx.spi.Chunk;
import io.cogentx.spi.ScoredChunk;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbstentionPolicyTest {

  private static ScoredChunk hit(String text, float score) {
    return new ScoredChunk(
        new Chunk("d", "Lighthouses", 0, text, 0, text.length(), null, null, null), score);
  }

  @Test
  void coverageIsTheShareOfQuestionWordsInOneSentenceOfTheBestPassages() {
    List<ScoredChunk> hits =
        List.of(
            hit("Bees dance.", 0.3f),
            hit("Lamps burned whale oil. Later paraffin replaced it in lamps.", 0.6f),
            hit("Paraffin replaced whale oil in lamps.", 0.6f));
    // "lighthouse" comes from the title, the rest from the third passage's one sentence
    assertThat(AbstentionPolicy.coverage(Terms.of("What replaced whale oil in lighthouses?"), hits))
        .isEqualTo(1.0);
    // the second passage has the words, but never together in one sentence
    assertThat(
            AbstentionPolicy.coverage(
                Terms.of("What replaced whale oil in lighthouses?"), hits.subList(0, 2)))
        .isEqualTo(0.75);
    assertThat(AbstentionPolicy.coverage(Terms.of("Who painted the Mona Lisa?"), hits)).isZero();
  }

  @Test
  void weakEvidenceAbstainsAndStrongEvidenceAnswers() {
    AbstentionPolicy policy = AbstentionPolicy.CALIBRATED;
    Retrieval strong =
        new Retrieval(
            List.of(hit("Paraffin replaced whale oil.", 0.03f)),
            List.of(),
            List.of(hit("Paraffin replaced whale oil.", 0.62f)));
    Retrieval weak =
        new Retrieval(
            List.of(hit("Paraffin replaced whale oil.", 0.03f)),
            List.of(),
            List.of(hit("Paraffin replaced whale oil.", 0.12f)));

    assertThat(policy.abstains(AbstentionPolicy.evidence("What replaced whale oil?", strong)))
        .isFalse();
    assertThat(policy.abstains(AbstentionPolicy.evidence("Who painted the Mona Lisa?", weak)))
        .isTrue();
  }
}

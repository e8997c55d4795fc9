package io.cogentx.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveAnswererTest {

  private static Source source(int n, String text) {
    return new Source(n, "doc" + n, "Title " + n, 0, null, null, null, null, text, 0.5);
  }

  @Test
  void picksTheSentenceThatAnswersAndCitesItsSource() {
    List<Source> sources =
        List.of(
            source(
                1,
                "The keeper trimmed the wicks every evening. A supply boat came once a fortnight."),
            source(
                2,
                "Lighthouses were lit by whale oil at first. Paraffin replaced whale oil in the"
                    + " nineteenth century. Electric lamps came later."));

    ExtractiveAnswerer.Answer answer =
        new ExtractiveAnswerer().answer("What replaced whale oil in the lamps?", sources);

    assertThat(answer.parts()).isNotEmpty();
    assertThat(answer.parts().get(0).text())
        .isEqualTo("Paraffin replaced whale oil in the nineteenth century.");
    assertThat(answer.parts().get(0).source()).isEqualTo(2);
    assertThat(answer.text())
        .startsWith("Paraffin replaced whale oil in the nineteenth century. [2]");
    assertThat(Citations.in(answer.text(), 2)).contains(2);
  }

  @Test
  void rareQuestionWordsOutweighCommonOnes() {
    List<Source> sources =
        List.of(
            source(1, "The lighthouse stood on a rock. The lighthouse was painted white."),
            source(2, "Skerryvore lighthouse was built by Alan Stevenson in 1844."));

    ExtractiveAnswerer.Answer answer =
        new ExtractiveAnswerer(1).answer("Who built the Skerryvore lighthouse?", sources);

    assertThat(answer.parts()).hasSize(1);
    assertThat(answer.parts().get(0).text()).contains("Alan Stevenson");
  }

  @Test
  void overlappingChunksDoNotRepeatASentence() {
    String shared = "Paraffin replaced whale oil in the nineteenth century.";
    List<Source> sources =
        List.of(source(1, "Oil lamps. " + shared), source(2, shared + " Electric lamps followed."));

    ExtractiveAnswerer.Answer answer =
        new ExtractiveAnswerer(2).answer("What replaced whale oil?", sources);

    assertThat(answer.parts()).extracting(ExtractiveAnswerer.Part::text).doesNotHaveDuplicates();
  }

  @Test
  void nothingInCommonGivesNoAnswer() {
    ExtractiveAnswerer.Answer answer =
        new ExtractiveAnswerer()
            .answer("Who won the cup final?", List.of(source(1, "Bees dance.")));
    assertThat(answer.parts()).isEmpty();
  }
}

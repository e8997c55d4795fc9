package io.cogentx.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MismatchTest {

  private static final Set<Mismatch> ALL = EnumSet.allOf(Mismatch.class);

  private static Set<Mismatch> between(String question, String sentence) {
    return Mismatch.between(question, sentence, ALL);
  }

  @Test
  void aNegatedQuestionAgainstAnAffirmativeSentenceIsANegationMismatch() {
    String sentence = "Upper and lower bounds are usually stated using the big O notation.";
    assertThat(between("What is usually not stated using the big O notation?", sentence))
        .containsExactly(Mismatch.NEGATION);
    assertThat(between("Which buyers didn't like the small size?", "Some buyers liked the size."))
        .containsExactly(Mismatch.NEGATION);
    // the same question without the negation, and a negated question against a negated sentence
    assertThat(between("What is usually stated using the big O notation?", sentence)).isEmpty();
    assertThat(
            between(
                "What was never allowed on the island?",
                "Dogs were never allowed on the island of the lighthouse."))
        .isEmpty();
  }

  @Test
  void aYearTheSentenceDoesNotNameIsAYearMismatch() {
    String sentence = "On October 16, 1973, OPEC raised the posted price of oil by 70%.";
    assertThat(between("By how much did OPEC raise the price of oil in 1978?", sentence))
        .containsExactly(Mismatch.YEAR);
    assertThat(between("By how much did OPEC raise the price of oil in 1973?", sentence)).isEmpty();
    // a decade matches a year of it, and other numbers are not years
    assertThat(between("What did OPEC do in the 1970s?", "In the 1970s OPEC raised prices."))
        .isEmpty();
    assertThat(between("Which car sold 70 thousand units?", "The car sold well.")).isEmpty();
    assertThat(between("What happened in 1979?", "Prices peaked in 1979.")).isEmpty();
  }

  @Test
  void aQuestionWordWhoseOppositeTheSentenceHoldsIsAnAntonymMismatch() {
    String sentence = "Thus NP-complete problems contain the most difficult problems in NP.";
    assertThat(between("Which class contains the least difficult problems in NP?", sentence))
        .containsExactly(Mismatch.ANTONYM);
    assertThat(between("What increased the demand for large cars?", "The crisis reduced demand."))
        .containsExactly(Mismatch.ANTONYM);
    assertThat(between("Which class contains the most difficult problems in NP?", sentence))
        .isEmpty();
    // both words in the sentence: it speaks of both, no mismatch
    assertThat(
            between(
                "Where is the lowest point?", "The highest and the lowest points are both here."))
        .isEmpty();
  }

  @Test
  void onlyTheCheckedKindsAreLookedForAndNoSentenceMeansNoMismatch() {
    String question = "What did not happen in 1978?";
    String sentence = "Prices rose in 1973.";
    assertThat(between(question, sentence))
        .containsExactlyInAnyOrder(Mismatch.NEGATION, Mismatch.YEAR);
    assertThat(Mismatch.between(question, sentence, EnumSet.of(Mismatch.YEAR)))
        .containsExactly(Mismatch.YEAR);
    assertThat(Mismatch.between(question, sentence, Set.of())).isEmpty();
    assertThat(between(question, null)).isEmpty();
  }
}

package io.cogentx.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.answer.AbstentionPolicy;
import io.cogentx.answer.Mismatch;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class AnswerSettingsTest {

  @Test
  void mismatchChecksAreNamedInAnyCaseAndUnknownNamesAreLeftOut() {
    assertThat(AnswerSettings.mismatches("negation,year,antonym"))
        .isEqualTo(EnumSet.allOf(Mismatch.class));
    assertThat(AnswerSettings.mismatches(" Negation , YEAR"))
        .containsExactly(Mismatch.NEGATION, Mismatch.YEAR);
    assertThat(AnswerSettings.mismatches("none")).isEmpty();
    assertThat(AnswerSettings.mismatches("")).isEmpty();
    assertThat(AnswerSettings.mismatches("year,spelling")).containsExactly(Mismatch.YEAR);
  }

  @Test
  void theDefaultsAreTheValuesChosenOnTheDevelopmentArticles() {
    AnswerSettings settings = new AnswerSettings();
    settings.abstainThreshold = 0.63;
    settings.abstainCoverageWeight = 0.55;
    settings.abstainMismatches = "negation,year,antonym";
    settings.abstainMismatchCoverage = 0.5;
    assertThat(settings.abstention()).isEqualTo(AbstentionPolicy.CALIBRATED);
  }
}

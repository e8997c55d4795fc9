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
  void theDefaultsAreTheValuesChosenOnTheDevelopmentArticles() throws Exception {
    AnswerSettings settings = new AnswerSettings();
    settings.abstainThreshold = Double.parseDouble(defaultOf("abstainThreshold"));
    settings.abstainCoverageWeight = Double.parseDouble(defaultOf("abstainCoverageWeight"));
    settings.abstainMismatches = defaultOf("abstainMismatches");
    settings.abstainMismatchCoverage = Double.parseDouble(defaultOf("abstainMismatchCoverage"));
    assertThat(settings.abstention()).isEqualTo(AbstentionPolicy.CALIBRATED);
  }

  /** The default a setting's field declares to MicroProfile Config. */
  private static String defaultOf(String field) throws NoSuchFieldException {
    return AnswerSettings.class
        .getDeclaredField(field)
        .getAnnotation(org.eclipse.microprofile.config.inject.ConfigProperty.class)
        .defaultValue();
  }
}

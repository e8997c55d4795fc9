package io.cogentx.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TermsTest {

  @Test
  void dropsFunctionWordsAndJoinsInflections() {
    assertThat(Terms.of("What replaced the whale oil used by keepers?"))
        .containsExactly("replac", "whal", "oil", "keeper");
    assertThat(Terms.of("Paraffin replaces whale oil; the keeper trimmed wicks"))
        .contains("replac", "keeper", "trim", "wick");
  }

  @Test
  void keepsNumbersAndNonAsciiLetters() {
    assertThat(Terms.of("In 1844, Zürich")).containsExactly("1844", "zürich");
  }
}

package io.cogentx.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The protocol as the retrieval benchmarks' flags enforce it. */
class EvalOptionsTest {

  @Test
  void developmentIsTheDefaultSide() {
    EvalOptions options = EvalOptions.parse(new String[] {});
    assertThat(options.split()).isEqualTo(EvalOptions.DEVELOPMENT);
    assertThat(options.resultsName("scifact")).isEqualTo("scifact-dev");
  }

  @Test
  void aSweepIsAChoiceSoOnlyOnDevelopmentData() {
    assertThat(EvalOptions.parse(new String[] {"--sweep", "--split=dev"}).resultsName("squad"))
        .isEqualTo("squad-dev-sweep");
    assertThatThrownBy(() -> EvalOptions.parse(new String[] {"--sweep", "--split=test"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("development data only");
  }

  @Test
  void theTestSideAndAGivenName() {
    assertThat(EvalOptions.parse(new String[] {"--split=test"}).resultsName("squad"))
        .isEqualTo("squad-test");
    assertThat(EvalOptions.parse(new String[] {"--split=test", "--name=x"}).resultsName("squad"))
        .isEqualTo("x");
    assertThatThrownBy(() -> EvalOptions.parse(new String[] {"--split=train"}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package io.cogentx.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cogentx.problem.ProblemException;
import io.cogentx.retrieval.SearchMode;
import org.junit.jupiter.api.Test;

class RetrievalParametersTest {

  @Test
  void defaultsAreFiveHitsOfHybridSearch() {
    assertThat(RetrievalParameters.k(null, 50)).isEqualTo(5);
    assertThat(RetrievalParameters.mode(null)).isEqualTo(SearchMode.HYBRID);
    assertThat(RetrievalParameters.mode("keyword")).isEqualTo(SearchMode.KEYWORD);
  }

  @Test
  void badValuesAreUnprocessableWithAMessageSayingWhatToSend() {
    assertThatThrownBy(() -> RetrievalParameters.text("  ", "query", "Send a query."))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("Send a query.");
    assertThatThrownBy(() -> RetrievalParameters.text("x".repeat(2_001), "query", "unused"))
        .hasMessageContaining("longer than 2000 characters");
    assertThatThrownBy(() -> RetrievalParameters.k(0, 50)).hasMessageContaining("between 1 and 50");
    assertThatThrownBy(() -> RetrievalParameters.k(51, 50)).hasMessageContaining("got 51");
    assertThatThrownBy(() -> RetrievalParameters.mode("fuzzy"))
        .hasMessageContaining("hybrid, vector, keyword");
  }
}

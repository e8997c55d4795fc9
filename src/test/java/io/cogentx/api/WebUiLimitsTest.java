package io.cogentx.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The web UI counts a question's characters against the limit the server enforces. */
class WebUiLimitsTest {

  @Test
  void theQuestionBoxCountsAgainstTheServersLimit() throws Exception {
    String ask = Files.readString(Path.of("webapp/js/ask.js"));

    assertThat(ask)
        .contains("export const MAX_QUESTION_CHARS = " + RetrievalParameters.MAX_TEXT_CHARS + ";");
  }
}

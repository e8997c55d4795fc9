package io.cogentx.plugins.generator.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cogentx.spi.GenerationException;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading Ollama's NDJSON lines. */
class ChatStreamTest {

  private final List<String> pieces = new ArrayList<>();

  private BufferedReader lines(String... lines) {
    return new BufferedReader(new StringReader(String.join("\n", lines) + "\n"));
  }

  @Test
  void anErrorLineMidStreamFailsWithOllamasMessage() {
    assertThatThrownBy(
            () ->
                ChatStream.read(
                    lines(
                        "{\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},\"done\":false}",
                        "{\"error\":\"out of memory\"}"),
                    "llama2",
                    pieces::add))
        .isInstanceOf(GenerationException.class)
        .hasMessageContaining("out of memory");
    assertThat(pieces).containsExactly("Hi");
  }

  @Test
  void aStreamWithoutItsDoneLineIsIncomplete() {
    assertThatThrownBy(
            () ->
                ChatStream.read(
                    lines("{\"message\":{\"content\":\"Hi\"},\"done\":false}"), "m", pieces::add))
        .isInstanceOf(GenerationException.class)
        .hasMessageContaining("ended before");
  }

  @Test
  void aLineThatIsNotJsonIsRejected() {
    assertThatThrownBy(() -> ChatStream.read(lines("<html>proxy error</html>"), "m", pieces::add))
        .isInstanceOf(GenerationException.class)
        .hasMessageContaining("not a JSON object");
  }

  @Test
  void blankLinesAndEmptyPiecesAreSkippedAndMissingCountsAreNull() throws Exception {
    var done =
        ChatStream.read(
            lines(
                "",
                "{\"message\":{\"content\":\"\"},\"done\":false}",
                "{\"message\":{\"content\":\"ok\"},\"done\":false}",
                "{\"done\":true}"),
            "fallback-name",
            pieces::add);
    assertThat(pieces).containsExactly("ok");
    assertThat(done.model()).isEqualTo("fallback-name");
    assertThat(done.promptTokens()).isNull();
  }
}

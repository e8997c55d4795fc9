package io.cogentx.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cogentx.spi.Generator.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptBuilderTest {

  private static List<Source> sources(int count, int chars) {
    List<Source> out = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      out.add(
          new Source(
              i,
              "d" + i,
              "Doc " + i,
              0,
              i,
              null,
              null,
              null,
              ("word" + i + " ").repeat(chars / 6),
              0));
    }
    return out;
  }

  @Test
  void restrictsTheModelToNumberedSourcesAndEndsWithTheQuestion() {
    PromptBuilder.Prompt prompt =
        new PromptBuilder(4096, 512)
            .build(
                "What replaced whale oil?",
                sources(2, 200),
                List.of(new Turn("user", "Hi"), new Turn("assistant", "Hello")));

    List<ChatMessage> m = prompt.messages();
    assertThat(m.get(0).role()).isEqualTo("system");
    assertThat(m.get(0).content())
        .contains("only the numbered sources", "[1] Doc 1, page 1", "[2] Doc 2, page 2")
        .contains(AbstentionPolicy.NOT_FOUND);
    assertThat(m)
        .extracting(ChatMessage::role)
        .containsExactly("system", "user", "assistant", "user");
    assertThat(m.get(m.size() - 1).content()).isEqualTo("What replaced whale oil?");
    assertThat(prompt.sources()).hasSize(2);
  }

  @Test
  void namesTheLocationOfASourceThatHasOne() {
    Source slide = new Source(1, "d", "Deck", 0, null, null, null, "slide 2", "Agents talk.", 0);
    Source sheet = new Source(2, "b", "Book", 0, 3, null, null, "sheet Revenue", "Sales 10.", 0);

    String system =
        new PromptBuilder(4096, 512)
            .build("Q?", List.of(slide, sheet), List.of())
            .messages()
            .get(0)
            .content();

    assertThat(system).contains("[1] Deck, slide 2", "[2] Book, sheet Revenue, page 3");
  }

  @Test
  void leavesOutLowRankedSourcesAndOldTurnsThatDoNotFitTheContext() {
    int context = 1024;
    List<Turn> history = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      history.add(new Turn(i % 2 == 0 ? "user" : "assistant", "turn " + i + " " + "x".repeat(200)));
    }
    PromptBuilder.Prompt prompt =
        new PromptBuilder(context, 256).build("Q?", sources(10, 600), history);

    int chars = prompt.messages().stream().mapToInt(c -> c.content().length()).sum();
    assertThat(chars).isLessThanOrEqualTo((context - 256) * PromptBuilder.CHARS_PER_TOKEN);
    assertThat(prompt.sources()).isNotEmpty().hasSizeLessThan(10);
    assertThat(prompt.sources().get(0).n()).isEqualTo(1);
    // whatever history is kept is the most recent
    List<ChatMessage> m = prompt.messages();
    if (m.size() > 2) {
      assertThat(m.get(m.size() - 2).content()).startsWith("turn 49");
    }
  }

  @Test
  void aReplyLargerThanTheContextIsRejected() {
    assertThatThrownBy(() -> new PromptBuilder(512, 512))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

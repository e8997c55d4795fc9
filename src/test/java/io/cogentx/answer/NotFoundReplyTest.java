package io.cogentx.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NotFoundReplyTest {

  @Test
  void theSentenceThePromptAsksForIsAnAbstentionHoweverItIsWritten() {
    assertThat(NotFoundReply.is(AbstentionPolicy.NOT_FOUND)).isTrue();
    assertThat(NotFoundReply.is("  \"I could not find this in your documents.\"\n")).isTrue();
    assertThat(NotFoundReply.is("I couldn’t find this in your documents")).isTrue();
    assertThat(
            NotFoundReply.is(
                "I could not find this in your documents. They speak of 1973, not 1978."))
        .isTrue();
  }

  @Test
  void anAnswerIsNotAnAbstention() {
    assertThat(NotFoundReply.is("Paraffin replaced whale oil [1].")).isFalse();
    // an answer that cites a source, even if it says part of the question was not found
    assertThat(
            NotFoundReply.is(
                "I could not find this in your documents for 1978, but in 1973 prices rose [2]."))
        .isFalse();
    assertThat(NotFoundReply.is("The keeper could not find this in your documents.")).isFalse();
    assertThat(NotFoundReply.is("")).isFalse();
    assertThat(NotFoundReply.is(null)).isFalse();
  }
}

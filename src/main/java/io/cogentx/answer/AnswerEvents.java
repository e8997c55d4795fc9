package io.cogentx.answer;

import io.cogentx.retrieval.KnowledgeBase;
import java.util.List;

/** The shapes of an answer on the wire (snake_case JSON): SSE event data and the JSON reply. */
public final class AnswerEvents {

  private AnswerEvents() {}

  /** {@code event: sources}: what the answer may cite, and who answers. */
  public record Sources(
      List<Source> sources, boolean abstained, String backend, KnowledgeBase.Indexing indexing) {}

  /** {@code event: token}: the next piece of the answer. */
  public record Token(String text) {}

  /** Milliseconds from the request: retrieval done, first piece sent, all sent. */
  public record Timing(long retrievalMs, Long firstTokenMs, long totalMs) {}

  /** Model tokens of the prompt and the reply, when the backend reports them. */
  public record Usage(Integer promptTokens, Integer completionTokens) {}

  /** {@code event: done}: the whole answer and the source numbers it cites. */
  public record Done(
      String answer,
      List<Integer> citations,
      boolean abstained,
      String backend,
      String model,
      Timing timing,
      Usage usage) {}

  /** The reply without streaming: {@code citations} are the cited sources themselves. */
  public record Reply(
      String answer,
      List<Source> citations,
      List<Source> sources,
      boolean abstained,
      String backend,
      String model,
      KnowledgeBase.Indexing indexing) {}
}

package io.cogentx.spi;

import java.util.List;

/**
 * A chat model that streams its reply. Implementations are thread-safe; the server wraps calls in
 * its timeouts, retries and circuit breaker, so an implementation makes one attempt per call.
 */
public interface Generator extends AutoCloseable {

  /** The model that answers, e.g. {@code llama2}; reported with every answer. */
  String model();

  /** The context window (prompt and reply, in model tokens) the model is run with. */
  int contextTokens();

  /**
   * Generates the assistant's reply to {@code messages}, handing every piece of text to {@code
   * sink} as it arrives, and returns when the reply is complete. Must stop promptly, with an {@link
   * InterruptedException} or a {@link GenerationException}, when the thread is interrupted.
   *
   * @throws GenerationException when the model cannot be reached, refuses, or the stream breaks
   */
  Generation generate(List<ChatMessage> messages, TokenSink sink)
      throws GenerationException, InterruptedException;

  @Override
  default void close() {}

  /** Receives the reply piece by piece. */
  @FunctionalInterface
  interface TokenSink {
    void token(String text);
  }

  /**
   * One message of a chat.
   *
   * @param role {@code system}, {@code user} or {@code assistant}
   */
  record ChatMessage(String role, String content) {

    public ChatMessage {
      java.util.Objects.requireNonNull(role, "role");
      java.util.Objects.requireNonNull(content, "content");
    }
  }

  /**
   * A finished reply: who wrote it and what it cost, in model tokens ({@code null} when unknown).
   */
  record Generation(String model, Integer promptTokens, Integer completionTokens) {}
}

package io.cogentx.answer;

import io.cogentx.spi.Generator.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The chat a model is given: a system message that restricts it to the numbered sources and asks
 * for {@code [n]} markers, the sources, the conversation so far, and the question. Fits the model's
 * context window: the reply's share is kept free, then the oldest turns and the lowest-ranked
 * sources are left out until the rest fits. Tokens are estimated at {@value #CHARS_PER_TOKEN}
 * characters each, which overestimates for English text with Llama-family tokenizers.
 */
public final class PromptBuilder {

  static final int CHARS_PER_TOKEN = 3;

  static final String INSTRUCTIONS =
      "You answer questions using only the numbered sources below, which come from the user's"
          + " own documents. After every statement, cite the sources it comes from with their"
          + " numbers in square brackets, like [1] or [2][3]. Do not use any other knowledge. If"
          + " the sources do not contain the answer, or only something close to it (another"
          + " person, place, year or number, the opposite of what is asked, or a statement the"
          + " question negates), reply with exactly this sentence and nothing else: \""
          + AbstentionPolicy.NOT_FOUND
          + "\" Otherwise answer in the language of the question, briefly.";

  private final int contextTokens;
  private final int replyTokens;

  /**
   * @param contextTokens the model's context window
   * @param replyTokens how much of it to keep free for the reply
   */
  public PromptBuilder(int contextTokens, int replyTokens) {
    if (replyTokens < 1 || contextTokens <= replyTokens) {
      throw new IllegalArgumentException(
          "the reply (" + replyTokens + ") must fit the context (" + contextTokens + ")");
    }
    this.contextTokens = contextTokens;
    this.replyTokens = replyTokens;
  }

  /** The messages, and the sources actually given to the model (a prefix of {@code sources}). */
  public record Prompt(List<ChatMessage> messages, List<Source> sources) {}

  public Prompt build(String question, List<Source> sources, List<Turn> history) {
    int budget = (contextTokens - replyTokens) * CHARS_PER_TOKEN;
    budget -= INSTRUCTIONS.length() + question.length() + 64;
    List<Source> given = new ArrayList<>();
    StringBuilder block = new StringBuilder();
    for (Source s : sources) {
      String entry = s.label() + "\n" + s.text().strip() + "\n\n";
      if (block.length() + entry.length() > budget && !given.isEmpty()) {
        break;
      }
      if (block.length() + entry.length() > budget) {
        // even the best source alone is too long: give the part that fits
        entry = entry.substring(0, Math.max(0, budget)) + "\n\n";
      }
      block.append(entry);
      given.add(s);
    }
    budget -= block.length();
    List<ChatMessage> turns = new ArrayList<>();
    for (int i = history.size() - 1; i >= 0; i--) {
      Turn t = history.get(i);
      budget -= t.content().length() + 16;
      if (budget < 0) {
        break;
      }
      turns.add(0, new ChatMessage(t.role(), t.content()));
    }
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(
        new ChatMessage("system", INSTRUCTIONS + "\n\nSources:\n\n" + block.toString().strip()));
    messages.addAll(turns);
    messages.add(new ChatMessage("user", question));
    return new Prompt(List.copyOf(messages), List.copyOf(given));
  }
}

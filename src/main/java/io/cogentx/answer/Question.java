package io.cogentx.answer;

import io.cogentx.retrieval.SearchMode;
import java.util.List;

/**
 * A validated question.
 *
 * @param text the question
 * @param k how many passages to retrieve
 * @param mode how to retrieve them
 * @param history earlier turns of this conversation, oldest first (only what the client sent)
 */
public record Question(String text, int k, SearchMode mode, List<Turn> history) {

  public Question {
    history = List.copyOf(history);
  }
}

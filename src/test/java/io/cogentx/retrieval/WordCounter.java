package io.cogentx.retrieval;

import java.util.function.ToIntFunction;

/** Stand-in for the embedder's token counter: one token per white-space separated word. */
final class WordCounter implements ToIntFunction<String> {

  @Override
  public int applyAsInt(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return words;
  }
}

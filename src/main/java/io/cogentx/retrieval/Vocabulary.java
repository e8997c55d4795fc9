package io.cogentx.retrieval;

import io.cogentx.spi.SessionIndex;
import java.io.IOException;
import java.util.List;

/**
 * What a searched index knows of words: how many chunks it holds and how many of them hold each
 * word, so that a question's words can be weighed by how rare they are in the session (and told
 * apart when the session has never seen them).
 */
public interface Vocabulary {

  /** Knows no chunk and no word. */
  Vocabulary NONE =
      new Vocabulary() {
        @Override
        public int chunks() {
          return 0;
        }

        @Override
        public int[] documentFrequencies(List<String> words) {
          return new int[words.size()];
        }
      };

  /** Number of chunks. */
  int chunks();

  /** How many chunks hold each word, see {@link SessionIndex#documentFrequencies}. */
  int[] documentFrequencies(List<String> words) throws IOException;

  /** {@code index}'s vocabulary, read when asked. */
  static Vocabulary of(SessionIndex index) {
    return new Vocabulary() {
      @Override
      public int chunks() {
        return index.size();
      }

      @Override
      public int[] documentFrequencies(List<String> words) throws IOException {
        return index.documentFrequencies(words);
      }
    };
  }
}

package io.cogentx.plugins.embedding.minilm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What a retrieval user relies on, checked on the fp32 model. */
class SemanticBehaviourTest {

  private final MiniLmEmbedder embedder = TestModels.fp32();

  @Test
  void aParaphraseIsCloserThanAnUnrelatedSentence() {
    float[][] v =
        embedder.embed(
            List.of(
                "How do I reset my password?",
                "What are the steps to change a forgotten password?",
                "The stock market fell sharply on Tuesday."));

    double paraphrase = Vectors.cosine(v[0], v[1]);
    double unrelated = Vectors.cosine(v[0], v[2]);
    assertThat(paraphrase).isGreaterThan(0.6).isGreaterThan(unrelated + 0.3);
  }

  @Test
  void vectorsAreUnitLengthWithTheModelsDimension() {
    float[][] v = embedder.embed(List.of("short", "", ReferenceSentences.longText(), "🙂 東京"));

    assertThat(v).hasDimensions(4, 384);
    for (float[] vector : v) {
      assertThat(Vectors.norm(vector)).isCloseTo(1.0, within(1e-4));
    }
  }

  @Test
  void aBatchGivesTheSameVectorsAsOneTextAtATime() {
    List<String> texts =
        List.of(
            "A fairly long sentence about the history of the Roman Republic and its consuls.",
            "Short one.",
            ReferenceSentences.longText(),
            "Medium length text about volcanoes and lava.",
            "x");

    float[][] batch = embedder.embed(texts);

    for (int i = 0; i < texts.size(); i++) {
      float[] single = embedder.embed(texts.get(i));
      for (int d = 0; d < single.length; d++) {
        assertThat(batch[i][d])
            .as("text %d, dimension %d", i, d)
            .isCloseTo(single[d], within(1e-5f));
      }
    }
  }

  @Test
  void resultsFollowInputOrderThoughBatchesAreSortedByLength() {
    List<String> longestFirst =
        List.of(
            ReferenceSentences.longText(),
            "Cats are small domesticated carnivorous mammals often kept as pets.",
            "Paris is the capital of France.",
            "Hi");
    List<String> reversed = new ArrayList<>(longestFirst);
    Collections.reverse(reversed);

    float[][] a = embedder.embed(longestFirst);
    float[][] b = embedder.embed(reversed);

    for (int i = 0; i < a.length; i++) {
      assertThat(Vectors.cosine(a[i], b[a.length - 1 - i])).as("text %d", i).isGreaterThan(0.9999);
      assertThat(Vectors.cosine(a[i], embedder.embed(longestFirst.get(i)))).isGreaterThan(0.9999);
    }
    assertThat(Vectors.cosine(a[0], a[3])).isLessThan(0.9);
  }

  @Test
  void anEmptyTextStillGetsAVector() {
    float[] v = embedder.embed("");

    assertThat(v).hasSize(384);
    assertThat(Vectors.norm(v)).isCloseTo(1.0, within(1e-4));
  }

  @Test
  void textIsTruncatedAt256TokensNotBefore() {
    String longText = ReferenceSentences.longText();
    assertThat(embedder.countTokens(longText)).isGreaterThan(300);

    // Words after the 256th token do not change the vector ...
    float[] truncated = embedder.embed(longText);
    float[] withMore = embedder.embed(longText + " Completely different closing words about jazz.");
    assertThat(Vectors.cosine(truncated, withMore)).isGreaterThan(0.99999);

    // ... but words between token 128 and 256 do (the bundled tokenizer json stops at 128).
    String first140 = firstWords(longText, 100);
    assertThat(embedder.countTokens(first140)).isBetween(129, 200);
    float[] a = embedder.embed(first140 + " The goalkeeper caught the ball.");
    float[] b = embedder.embed(first140 + " Magma erupted from the volcano.");
    assertThat(Vectors.cosine(a, b)).isLessThan(0.999);
  }

  @Test
  void countsWordPiecesWithoutSpecialTokensAndWithoutTruncation() {
    assertThat(embedder.countTokens("")).isZero();
    assertThat(embedder.countTokens("hello")).isEqualTo(1);
    assertThat(embedder.countTokens("The cat sits on the mat.")).isEqualTo(7);
    String huge = "word ".repeat(5_000);
    assertThat(embedder.countTokens(huge)).isEqualTo(5_000);
  }

  @Test
  void anEmptyListGivesNoVectorsAndNullIsRejected() {
    assertThat(embedder.embed(List.of())).isEmpty();
    assertThatNullPointerException().isThrownBy(() -> embedder.embed(Arrays.asList("a", null)));
  }

  @Test
  void concurrentCallersGetTheSameVectorsAsOneCaller() throws Exception {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      texts.add("Sentence number " + i + " talks about " + "topic ".repeat(i % 7) + i);
    }
    float[][] expected = embedder.embed(texts);

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<float[][]>> results = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        results.add(pool.submit(() -> embedder.embed(texts)));
      }
      for (Future<float[][]> result : results) {
        float[][] actual = result.get();
        for (int i = 0; i < texts.size(); i++) {
          assertThat(Vectors.cosine(actual[i], expected[i])).isGreaterThan(0.99999);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String firstWords(String text, int words) {
    return String.join(" ", Arrays.asList(text.split(" ")).subList(0, words));
  }
}

package io.cogentx.plugins.embedding.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.within;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a retrieval user relies on, checked on the fp32 build of each model family. */
class SemanticBehaviourTest {

  @Retention(RetentionPolicy.RUNTIME)
  @ParameterizedTest
  @EnumSource(
      value = OnnxModel.class,
      names = {"ALL_MINILM_L6_V2", "BGE_SMALL_EN_V15"})
  @interface EachFamily {}

  @EachFamily
  void aParaphraseIsCloserThanAnUnrelatedSentence(OnnxModel model) {
    float[][] v =
        TestModels.get(model)
            .embed(
                List.of(
                    "How do I reset my password?",
                    "What are the steps to change a forgotten password?",
                    "The stock market fell sharply on Tuesday."));

    double paraphrase = Vectors.cosine(v[0], v[1]);
    double unrelated = Vectors.cosine(v[0], v[2]);
    assertThat(paraphrase).isGreaterThan(0.6).isGreaterThan(unrelated + 0.2);
  }

  @EachFamily
  void aQueryIsNearestToThePassageThatAnswersIt(OnnxModel model) {
    OnnxEmbedder embedder = TestModels.get(model);
    float[] query = embedder.embedQuery("Which river flows through Cairo?");
    float[][] passages =
        embedder.embed(
            List.of(
                "Cairo, the capital of Egypt, lies on the banks of the Nile.",
                "Cairo is a town in Illinois known for its historic buildings.",
                "The Amazon is the largest river in South America."));

    assertThat(Vectors.cosine(query, passages[0]))
        .isGreaterThan(Vectors.cosine(query, passages[1]))
        .isGreaterThan(Vectors.cosine(query, passages[2]));
  }

  @EachFamily
  void vectorsAreUnitLengthWithTheModelsDimension(OnnxModel model) {
    OnnxEmbedder embedder = TestModels.get(model);
    float[][] v = embedder.embed(List.of("short", "", ReferenceSentences.longText(), "🙂 東京"));

    assertThat(v).hasDimensions(4, OnnxModel.DIMENSION);
    for (float[] vector : v) {
      assertThat(Vectors.norm(vector)).isCloseTo(1.0, within(1e-4));
    }
  }

  @EachFamily
  void aBatchGivesTheSameVectorsAsOneTextAtATime(OnnxModel model) {
    OnnxEmbedder embedder = TestModels.get(model);
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

  @EachFamily
  void resultsFollowInputOrderThoughBatchesAreSortedByLength(OnnxModel model) {
    OnnxEmbedder embedder = TestModels.get(model);
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

  @EachFamily
  void anEmptyTextStillGetsAVector(OnnxModel model) {
    float[] v = TestModels.get(model).embed("");

    assertThat(v).hasSize(OnnxModel.DIMENSION);
    assertThat(Vectors.norm(v)).isCloseTo(1.0, within(1e-4));
  }

  @EachFamily
  void textIsTruncatedAtTheModelsLongestInputNotBefore(OnnxModel model) {
    OnnxEmbedder embedder = TestModels.get(model);
    String longText = ReferenceSentences.longText() + " " + ReferenceSentences.longText();
    assertThat(embedder.countTokens(longText)).isGreaterThan(model.maxTokens() + 50);

    // Words after the last token the model reads do not change the vector ...
    float[] truncated = embedder.embed(longText);
    float[] withMore = embedder.embed(longText + " Completely different closing words about jazz.");
    assertThat(Vectors.cosine(truncated, withMore)).isGreaterThan(0.99999);

    // ... but words shortly before it do (MiniLM's bundled tokenizer json would stop at 128).
    String nearTheEnd = wordsUpTo(embedder, longText, model.maxTokens() - 40);
    float[] a = embedder.embed(nearTheEnd + " The goalkeeper caught the ball in the rain.");
    float[] b = embedder.embed(nearTheEnd + " Magma erupted from the volcano at night.");
    assertThat(Vectors.cosine(a, b)).isLessThan(0.999);
  }

  @EachFamily
  void countsWordPiecesWithoutSpecialTokensAndWithoutTruncation(OnnxModel model) {
    OnnxEmbedder embedder = TestModels.get(model);
    assertThat(embedder.countTokens("")).isZero();
    assertThat(embedder.countTokens("hello")).isEqualTo(1);
    assertThat(embedder.countTokens("The cat sits on the mat.")).isEqualTo(7);
    String huge = "word ".repeat(5_000);
    assertThat(embedder.countTokens(huge)).isEqualTo(5_000);
  }

  @EachFamily
  void anEmptyListGivesNoVectorsAndNullIsRejected(OnnxModel model) {
    OnnxEmbedder embedder = TestModels.get(model);
    assertThat(embedder.embed(List.of())).isEmpty();
    assertThatNullPointerException().isThrownBy(() -> embedder.embed(Arrays.asList("a", null)));
  }

  @EachFamily
  void concurrentCallersGetTheSameVectorsAsOneCaller(OnnxModel model) throws Exception {
    OnnxEmbedder embedder = TestModels.get(model);
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

  /** The longest run of whole leading words of {@code text} within {@code tokens} word pieces. */
  private static String wordsUpTo(OnnxEmbedder embedder, String text, int tokens) {
    List<String> words = Arrays.asList(text.split(" "));
    int n = words.size();
    while (embedder.countTokens(String.join(" ", words.subList(0, n))) > tokens) {
      n--;
    }
    return String.join(" ", words.subList(0, n));
  }
}

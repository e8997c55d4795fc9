package io.cogentx.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cogentx.spi.Embedder;
import io.cogentx.spi.EmbedderProvider;
import io.cogentx.spi.PluginContext;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every embedding model must do: a model's test class extends this and names its provider; the
 * model is loaded once for all tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EmbedderContract {

  protected Embedder embedder;

  protected abstract EmbedderProvider provider();

  /** The largest difference allowed between a text embedded alone and in a batch. */
  protected double batchTolerance() {
    return 1e-5;
  }

  @BeforeAll
  void loadModel() throws Exception {
    embedder = provider().create(PluginContext.of(Map.of()));
  }

  @AfterAll
  void closeModel() {
    embedder.close();
  }

  @Test
  void providerIsFoundByServiceLoaderUnderItsName() {
    assertThat(ServiceLoader.load(EmbedderProvider.class).stream().map(p -> p.get().name()))
        .contains(provider().name());
    assertThat(embedder.modelName()).isEqualTo(provider().name());
  }

  @Test
  void vectorsHaveTheDimensionAndUnitLength() {
    float[][] vectors =
        embedder.embed(List.of("A short sentence.", "Another, somewhat longer one."));
    assertThat(vectors).hasNumberOfRows(2);
    for (float[] v : vectors) {
      assertThat(v).hasSize(embedder.dimension());
      double norm = 0;
      for (float x : v) {
        norm += (double) x * x;
      }
      assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-3));
    }
  }

  @Test
  void aTextGetsTheSameVectorAloneAndInABatch() {
    String text = "The mitochondria is the powerhouse of the cell.";
    float[] alone = embedder.embed(text);
    float[][] batch =
        embedder.embed(
            List.of("Unrelated words first.", text, "And a rather different third text."));
    assertThat(cosine(alone, batch[1])).isGreaterThan(1 - batchTolerance());
    assertThat(cosine(alone, embedder.embed(text))).isGreaterThan(1 - 1e-6);
  }

  @Test
  void similarTextsAreCloserThanUnrelatedOnes() {
    float[][] v =
        embedder.embed(
            List.of(
                "How do I reset my password?",
                "Steps to change a forgotten account password",
                "The tide rises twice a day along the coast."));
    assertThat(cosine(v[0], v[1])).isGreaterThan(cosine(v[0], v[2]) + 0.1);
  }

  @Test
  void emptyInputAndOverlongTextsAreHandled() {
    assertThat(embedder.embed(List.of())).isEmpty();
    String longText = "word ".repeat(embedder.maxTokens() * 4);
    assertThat(embedder.embed(longText)).hasSize(embedder.dimension());
  }

  @Test
  void countsTokensWithoutSpecialTokens() {
    assertThat(embedder.maxTokens()).isPositive();
    assertThat(embedder.countTokens("")).isZero();
    int one = embedder.countTokens("hello");
    int many = embedder.countTokens("hello hello hello hello");
    assertThat(one).isPositive();
    assertThat(many).isGreaterThan(one);
  }

  protected static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }
}

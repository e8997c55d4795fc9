package io.cogentx.plugins.embedding.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cogentx.spi.PluginConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code EMBEDDING_QUERY_ENCODER=int8}: a full-precision model embeds queries with its int8 sibling
 * and passages itself, so an index built by the model keeps working, and queries cost less.
 */
class QueryEncoderTest {

  private static final List<String> QUERIES =
      List.of(
          "Which river flows through Cairo?",
          "How do I reset my password?",
          "When did the Normans conquer England?",
          "side effects of ibuprofen in children");

  private static final List<String> PASSAGES =
      List.of(
          "Cairo, the capital of Egypt, lies on the banks of the Nile.",
          "To change a forgotten password, open the sign-in page and choose 'Forgot password'.",
          "William of Normandy defeated Harold at Hastings in 1066 and was crowned king.",
          "Ibuprofen can upset the stomach; in children the dose depends on body weight.");

  @ParameterizedTest
  @EnumSource(
      value = OnnxModel.class,
      names = {"ALL_MINILM_L6_V2", "BGE_SMALL_EN_V15"})
  void int8QueriesLandNextToFullPrecisionOnesAndFindTheSamePassages(OnnxModel model)
      throws Exception {
    OnnxEmbedder full = TestModels.get(model);
    OnnxEmbedder mixed = load(model);
    try {
      assertThat(mixed.modelName()).isEqualTo(full.modelName());
      float[][] passages = mixed.embed(PASSAGES);
      float[][] fullPassages = full.embed(PASSAGES);
      for (int p = 0; p < PASSAGES.size(); p++) {
        assertThat(Vectors.cosine(passages[p], fullPassages[p])).isGreaterThan(0.9999);
      }
      for (int q = 0; q < QUERIES.size(); q++) {
        float[] query = mixed.embedQuery(QUERIES.get(q));
        float[] fullQuery = full.embedQuery(QUERIES.get(q));
        assertThat(Vectors.cosine(query, fullQuery)).as(QUERIES.get(q)).isGreaterThan(0.97);
        assertThat(nearest(query, passages)).as(QUERIES.get(q)).isEqualTo(q);
      }
    } finally {
      mixed.close();
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = OnnxModel.class,
      names = {"ALL_MINILM_L6_V2"})
  void aClosedEmbedderRefusesQueries(OnnxModel model) throws Exception {
    OnnxEmbedder mixed = load(model);
    mixed.close();

    assertThatThrownBy(() -> mixed.embedQuery("anything"))
        .isInstanceOf(EmbeddingException.class)
        .hasMessageContaining("closed");
  }

  private static OnnxEmbedder load(OnnxModel model) throws Exception {
    return OnnxEmbedder.load(
        model,
        EmbeddingSettings.from(
            PluginConfig.of(Map.of(EmbeddingSettings.QUERY_ENCODER, "int8")), model));
  }

  private static int nearest(float[] query, float[][] passages) {
    int best = 0;
    for (int p = 1; p < passages.length; p++) {
      if (Vectors.cosine(query, passages[p]) > Vectors.cosine(query, passages[best])) {
        best = p;
      }
    }
    return best;
  }
}

package io.cogentx.plugins.embedding.onnx;

import io.cogentx.spi.PluginConfig;
import java.util.EnumMap;
import java.util.Map;

/**
 * One loaded embedder per model for the whole test run (loading takes a second or two), each
 * embedding queries itself ({@code EMBEDDING_QUERY_ENCODER=model}), as the reference vectors were
 * made; {@link QueryEncoderTest} checks the int8 query encoder against these.
 */
final class TestModels {

  private static final Map<OnnxModel, OnnxEmbedder> LOADED = new EnumMap<>(OnnxModel.class);

  private TestModels() {}

  static synchronized OnnxEmbedder get(OnnxModel model) {
    return LOADED.computeIfAbsent(model, TestModels::load);
  }

  static OnnxEmbedder miniLm() {
    return get(OnnxModel.ALL_MINILM_L6_V2);
  }

  static OnnxEmbedder bge() {
    return get(OnnxModel.BGE_SMALL_EN_V15);
  }

  private static OnnxEmbedder load(OnnxModel model) {
    try {
      return OnnxEmbedder.load(
          model,
          EmbeddingSettings.from(
              PluginConfig.of(Map.of(EmbeddingSettings.QUERY_ENCODER, "model")), model));
    } catch (Exception e) {
      throw new IllegalStateException("Cannot load " + model, e);
    }
  }
}

package io.cogentx.plugins.embedding.minilm;

import io.cogentx.spi.PluginConfig;
import java.util.EnumMap;
import java.util.Map;

/** One loaded embedder per variant for the whole test run (loading takes a second or two). */
final class TestModels {

  private static final Map<MiniLmVariant, MiniLmEmbedder> LOADED =
      new EnumMap<>(MiniLmVariant.class);

  private TestModels() {}

  static synchronized MiniLmEmbedder get(MiniLmVariant variant) {
    return LOADED.computeIfAbsent(variant, TestModels::load);
  }

  static MiniLmEmbedder fp32() {
    return get(MiniLmVariant.FP32);
  }

  static MiniLmEmbedder int8() {
    return get(MiniLmVariant.INT8);
  }

  private static MiniLmEmbedder load(MiniLmVariant variant) {
    try {
      return MiniLmEmbedder.load(variant, MiniLmSettings.from(PluginConfig.of(Map.of()), variant));
    } catch (Exception e) {
      throw new IllegalStateException("Cannot load " + variant, e);
    }
  }
}

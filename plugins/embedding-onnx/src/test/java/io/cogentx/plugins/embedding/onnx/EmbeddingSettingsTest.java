package io.cogentx.plugins.embedding.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.cogentx.spi.PluginConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddingSettingsTest {

  @Test
  void defaultsSuitASmallSharedMachine() {
    EmbeddingSettings fp32 =
        EmbeddingSettings.from(PluginConfig.of(Map.of()), OnnxModel.ALL_MINILM_L6_V2);
    EmbeddingSettings bgeInt8 =
        EmbeddingSettings.from(PluginConfig.of(Map.of()), OnnxModel.BGE_SMALL_EN_V15_INT8);

    assertThat(fp32.intraOpThreads()).isEqualTo(1);
    assertThat(fp32.batchSize()).isEqualTo(OnnxModel.ALL_MINILM_L6_V2.defaultBatchSize());
    assertThat(bgeInt8.batchSize()).isEqualTo(OnnxModel.BGE_SMALL_EN_V15_INT8.defaultBatchSize());
    assertThat(fp32.workers()).isBetween(1, 2);
    assertThat(fp32.nativeCacheDir()).startsWith(Path.of(System.getProperty("java.io.tmpdir")));
  }

  @Test
  void readsTheConfiguredValues() {
    EmbeddingSettings s =
        EmbeddingSettings.from(
            PluginConfig.of(
                Map.of(
                    "EMBEDDING_THREADS", "3",
                    "EMBEDDING_BATCH_SIZE", " 8 ",
                    "EMBEDDING_WORKERS", "1",
                    "DJL_CACHE_DIR", "/var/cache/djl",
                    "EMBEDDING_QUERY_ENCODER", " INT8")),
            OnnxModel.ALL_MINILM_L6_V2);

    assertThat(s)
        .isEqualTo(
            new EmbeddingSettings(
                3, 8, 1, Path.of("/var/cache/djl"), EmbeddingSettings.QueryEncoder.INT8));
  }

  @Test
  void queriesAreEmbeddedByTheInt8SiblingUnlessToldOtherwise() {
    EmbeddingSettings byDefault =
        EmbeddingSettings.from(PluginConfig.of(Map.of()), OnnxModel.ALL_MINILM_L6_V2);
    EmbeddingSettings told =
        EmbeddingSettings.from(
            PluginConfig.of(Map.of("EMBEDDING_QUERY_ENCODER", "model")),
            OnnxModel.ALL_MINILM_L6_V2);

    assertThat(byDefault.queryEncoder()).isEqualTo(EmbeddingSettings.QueryEncoder.INT8);
    assertThat(told.queryEncoder()).isEqualTo(EmbeddingSettings.QueryEncoder.MODEL);
  }

  @Test
  void rejectsAnUnknownQueryEncoderNamingTheChoices() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                EmbeddingSettings.from(
                    PluginConfig.of(Map.of("EMBEDDING_QUERY_ENCODER", "fp16")),
                    OnnxModel.ALL_MINILM_L6_V2))
        .withMessageContaining("EMBEDDING_QUERY_ENCODER must be model or int8")
        .withMessageContaining("fp16");
  }

  @Test
  void rejectsNonPositiveValuesNamingTheKey() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                EmbeddingSettings.from(
                    PluginConfig.of(Map.of("EMBEDDING_BATCH_SIZE", "0")),
                    OnnxModel.BGE_SMALL_EN_V15_INT8))
        .withMessageContaining("EMBEDDING_BATCH_SIZE");
  }
}

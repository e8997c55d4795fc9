package io.cogentx.plugins.embedding.minilm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.cogentx.spi.PluginConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MiniLmSettingsTest {

  @Test
  void defaultsSuitASmallSharedMachine() {
    MiniLmSettings fp32 = MiniLmSettings.from(PluginConfig.of(Map.of()), MiniLmVariant.FP32);
    MiniLmSettings int8 = MiniLmSettings.from(PluginConfig.of(Map.of()), MiniLmVariant.INT8);

    assertThat(fp32.intraOpThreads()).isEqualTo(1);
    assertThat(fp32.batchSize()).isEqualTo(MiniLmVariant.FP32.defaultBatchSize());
    assertThat(int8.batchSize()).isEqualTo(MiniLmVariant.INT8.defaultBatchSize());
    assertThat(fp32.workers()).isBetween(1, 2);
    assertThat(fp32.nativeCacheDir()).startsWith(Path.of(System.getProperty("java.io.tmpdir")));
  }

  @Test
  void readsTheConfiguredValues() {
    MiniLmSettings s =
        MiniLmSettings.from(
            PluginConfig.of(
                Map.of(
                    "EMBEDDING_THREADS", "3",
                    "EMBEDDING_BATCH_SIZE", " 8 ",
                    "EMBEDDING_WORKERS", "1",
                    "DJL_CACHE_DIR", "/var/cache/djl")),
            MiniLmVariant.FP32);

    assertThat(s).isEqualTo(new MiniLmSettings(3, 8, 1, Path.of("/var/cache/djl")));
  }

  @Test
  void rejectsNonPositiveValuesNamingTheKey() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                MiniLmSettings.from(
                    PluginConfig.of(Map.of("EMBEDDING_BATCH_SIZE", "0")), MiniLmVariant.INT8))
        .withMessageContaining("EMBEDDING_BATCH_SIZE");
  }
}

package io.cogentx.plugins.embedding.minilm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cogentx.spi.Embedder;
import io.cogentx.spi.EmbedderProvider;
import io.cogentx.spi.PluginContext;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ServiceLoaderTest {

  private static EmbedderProvider provider(String name) {
    return ServiceLoader.load(EmbedderProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no provider named " + name));
  }

  @Test
  void findsBothModelsByName() {
    List<String> names =
        ServiceLoader.load(EmbedderProvider.class).stream().map(p -> p.get().name()).toList();

    assertThat(names).contains("all-MiniLM-L6-v2", "all-MiniLM-L6-v2-int8");
  }

  @Test
  void theInt8ProviderCreatesAWorkingEmbedderThatCanBeClosed() throws Exception {
    Embedder embedder =
        provider("all-MiniLM-L6-v2-int8")
            .create(
                PluginContext.of(Map.of("EMBEDDING_THREADS", "1", "EMBEDDING_BATCH_SIZE", "2")));
    try {
      assertThat(embedder.modelName()).isEqualTo("all-MiniLM-L6-v2-int8");
      assertThat(embedder.dimension()).isEqualTo(384);
      assertThat(embedder.maxTokens()).isEqualTo(256);
      float[][] v = embedder.embed(List.of("one", "two words", "three words here"));
      assertThat(v).hasDimensions(3, 384);
    } finally {
      embedder.close();
    }
    assertThatThrownBy(() -> embedder.embed("after close"))
        .isInstanceOf(EmbeddingException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void theFp32ProviderNamesTheSeedsDefaultModel() {
    EmbedderProvider fp32 = provider("all-MiniLM-L6-v2");

    assertThat(fp32).isInstanceOf(AllMiniLmL6V2Provider.class);
    assertThat(fp32.version()).isNotBlank();
  }
}

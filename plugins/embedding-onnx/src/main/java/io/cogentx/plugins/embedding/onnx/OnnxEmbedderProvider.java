package io.cogentx.plugins.embedding.onnx;

import io.cogentx.spi.Embedder;
import io.cogentx.spi.EmbedderProvider;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.Setting;
import java.util.List;
import java.util.Set;

/**
 * Base of the providers, one per {@link OnnxModel}. Configuration: {@code EMBEDDING_THREADS} (ONNX
 * intra-op threads per inference, default 1), {@code EMBEDDING_BATCH_SIZE} (texts per inference,
 * default 4 for fp32 and 16 for int8), {@code EMBEDDING_WORKERS} (inferences one call runs at once,
 * default min(2, cores)), {@code DJL_CACHE_DIR} (where the tokenizer's native library is unpacked,
 * default a folder in the temp dir).
 */
abstract class OnnxEmbedderProvider implements EmbedderProvider {

  private final OnnxModel model;

  OnnxEmbedderProvider(OnnxModel model) {
    this.model = model;
  }

  @Override
  public String name() {
    return model.modelName();
  }

  @Override
  public Set<String> aliases() {
    return Set.of(model.hubName());
  }

  @Override
  public List<Setting> settings() {
    return EmbeddingSettings.declared(model);
  }

  @Override
  public Embedder create(PluginContext context) throws Exception {
    return OnnxEmbedder.load(model, EmbeddingSettings.from(context.config(), model));
  }
}

package io.cogentx.plugins.embedding.minilm;

import io.cogentx.spi.Embedder;
import io.cogentx.spi.EmbedderProvider;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.Setting;
import java.util.List;
import java.util.Set;

/**
 * Base of the two all-MiniLM-L6-v2 providers. Configuration: {@code EMBEDDING_THREADS} (ONNX
 * intra-op threads per inference, default 1), {@code EMBEDDING_BATCH_SIZE} (texts per inference,
 * default 4 for fp32 and 16 for int8), {@code EMBEDDING_WORKERS} (inferences one call runs at once,
 * default min(2, cores)), {@code DJL_CACHE_DIR} (where the tokenizer's native library is unpacked,
 * default a folder in the temp dir).
 */
abstract class MiniLmProvider implements EmbedderProvider {

  private final MiniLmVariant variant;

  MiniLmProvider(MiniLmVariant variant) {
    this.variant = variant;
  }

  @Override
  public String name() {
    return variant.modelName();
  }

  @Override
  public Set<String> aliases() {
    return Set.of("sentence-transformers/" + variant.modelName());
  }

  @Override
  public List<Setting> settings() {
    return MiniLmSettings.declared(variant);
  }

  @Override
  public Embedder create(PluginContext context) throws Exception {
    return MiniLmEmbedder.load(variant, MiniLmSettings.from(context.config(), variant));
  }
}

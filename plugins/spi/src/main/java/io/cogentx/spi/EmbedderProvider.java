package io.cogentx.spi;

/**
 * Plugin kind: embedding models; {@link #name()} is the model name configured as {@code
 * EMBEDDING_MODEL_NAME}, and only that one is created.
 */
public interface EmbedderProvider extends PluginProvider<Embedder> {

  /** Other names this model is known by in configuration (e.g. its Hugging Face id). */
  default java.util.Set<String> aliases() {
    return java.util.Set.of();
  }
}

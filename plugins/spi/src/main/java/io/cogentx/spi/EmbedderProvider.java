package io.cogentx.spi;

/**
 * Creates an {@link Embedder}; {@link #name()} is the model name configured as {@code
 * EMBEDDING_MODEL_NAME}.
 */
public interface EmbedderProvider extends Plugin {

  /** Loads the model. Called once at start; may take seconds. */
  Embedder create(PluginConfig config) throws Exception;
}

package io.cogentx.plugin;

import io.cogentx.spi.DocumentLoaderProvider;
import io.cogentx.spi.EmbedderProvider;
import io.cogentx.spi.GeneratorProvider;
import io.cogentx.spi.IndexBackendProvider;
import io.cogentx.spi.OcrEngineProvider;
import io.cogentx.spi.PluginProvider;
import io.cogentx.spi.SessionStoreProvider;
import io.cogentx.spi.TranscriberProvider;

/**
 * The kinds of plugin the server finds, each a {@link PluginProvider} interface of the SPI, and the
 * setting that chooses one of them where only one is used.
 */
public enum PluginKind {
  LOADER(DocumentLoaderProvider.class, "loaders", null, "document loader"),
  EMBEDDER(EmbedderProvider.class, "embedders", "EMBEDDING_MODEL_NAME", "embedding model"),
  INDEX_BACKEND(IndexBackendProvider.class, "index_backends", "VECTOR_BACKEND", "index backend"),
  GENERATOR(GeneratorProvider.class, "generators", "LLM_BACKEND", "answer generator"),
  TRANSCRIBER(TranscriberProvider.class, "transcribers", "TRANSCRIBER", "transcriber"),
  OCR_ENGINE(OcrEngineProvider.class, "ocr_engines", "OCR_ENGINE", "OCR engine"),
  SESSION_STORE(SessionStoreProvider.class, "session_stores", "SESSION_STORE", "session store");

  private final Class<? extends PluginProvider<?>> type;
  private final String plural;
  private final String setting;
  private final String description;

  PluginKind(
      Class<? extends PluginProvider<?>> type, String plural, String setting, String description) {
    this.type = type;
    this.plural = plural;
    this.setting = setting;
    this.description = description;
  }

  /** The SPI interface providers of this kind implement. */
  public Class<? extends PluginProvider<?>> type() {
    return type;
  }

  /** How listings name this kind, e.g. {@code index_backends}. */
  public String plural() {
    return plural;
  }

  /** The setting choosing the one used, or {@code null} when every installed one is used. */
  public String setting() {
    return setting;
  }

  /** What one plugin of this kind is, for messages, e.g. {@code index backend}. */
  public String description() {
    return description;
  }
}

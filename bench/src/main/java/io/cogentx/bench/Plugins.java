package io.cogentx.bench;

import io.cogentx.retrieval.Loaders;
import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.Embedder;
import io.cogentx.spi.EmbedderProvider;
import io.cogentx.spi.IndexBackend;
import io.cogentx.spi.PluginConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The server's plugins, found with ServiceLoader as the server finds them. */
final class Plugins {

  /** The shipping embedding model (EMBEDDING_MODEL_NAME's default). */
  static final String FP32 = "all-MiniLM-L6-v2";

  static final String INT8 = "all-MiniLM-L6-v2-int8";

  private Plugins() {}

  /** Loads the named model with its default settings. */
  static Embedder embedder(String name) throws Exception {
    for (EmbedderProvider p : ServiceLoader.load(EmbedderProvider.class)) {
      if (p.name().equals(name)) {
        // the server's settings (EMBEDDING_THREADS, ...) from the environment, as the server reads
        // them
        return p.create(key -> Optional.ofNullable(System.getenv(key)));
      }
    }
    throw new IllegalStateException("no embedding model named " + name + " on the class path");
  }

  static IndexBackend backend(String name) {
    for (IndexBackend b : ServiceLoader.load(IndexBackend.class)) {
      if (b.name().equals(name)) {
        return b;
      }
    }
    throw new IllegalStateException("no index backend named " + name + " on the class path");
  }

  /** The server's settings (EMBEDDING_THREADS, PDF_EXTRACT_THREADS, ...) from the environment. */
  static PluginConfig environment() {
    return key -> Optional.ofNullable(System.getenv(key));
  }

  static Loaders loaders() {
    List<DocumentLoader> all = new ArrayList<>();
    ServiceLoader.load(DocumentLoader.class).forEach(all::add);
    return new Loaders(all);
  }
}

package io.cogentx.bench;

import io.cogentx.retrieval.ContentTypes;
import io.cogentx.retrieval.KnowledgeBase;
import io.cogentx.retrieval.Loaders;
import io.cogentx.retrieval.Upload;
import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.DocumentLoaderProvider;
import io.cogentx.spi.Embedder;
import io.cogentx.spi.EmbedderProvider;
import io.cogentx.spi.IndexBackend;
import io.cogentx.spi.IndexBackendProvider;
import io.cogentx.spi.IndexSpec;
import io.cogentx.spi.OcrEngineProvider;
import io.cogentx.spi.Plugin;
import io.cogentx.spi.PluginConfig;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.SessionRef;
import io.cogentx.spi.SessionStorage;
import io.cogentx.spi.SessionStoreProvider;
import io.cogentx.spi.StoredSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The server's plugins, found with ServiceLoader and created as the server creates them. */
final class Plugins {

  /** The shipping embedding model (EMBEDDING_MODEL_NAME's default). */
  static final String FP32 = "all-MiniLM-L6-v2";

  static final String INT8 = "all-MiniLM-L6-v2-int8";

  private Plugins() {}

  /** Loads the named model with the settings of the environment, as the server reads them. */
  static Embedder embedder(String name) throws Exception {
    return provider(EmbedderProvider.class, name).create(environment());
  }

  static IndexBackend backend(String name) throws Exception {
    return provider(IndexBackendProvider.class, name).create(environment());
  }

  /**
   * The PDF loader with the environment's settings (PDF_EXTRACT_THREADS, …), with or without the
   * installed OCR engines.
   */
  static DocumentLoader pdfLoader(boolean ocr) throws Exception {
    return pdfLoader(ocr, Map.of());
  }

  /** The same, with {@code settings} (e.g. PDF_EXTRACT_THREADS) in place of the environment's. */
  static DocumentLoader pdfLoader(boolean ocr, Map<String, String> settings) throws Exception {
    List<Plugin> engines = new ArrayList<>();
    if (ocr) {
      ServiceLoader.load(OcrEngineProvider.class).forEach(engines::add);
    }
    PluginConfig environment = environmentConfig();
    PluginConfig config =
        key -> settings.containsKey(key) ? Optional.of(settings.get(key)) : environment.get(key);
    return provider(DocumentLoaderProvider.class, "pdf").create(PluginContext.of(config, engines));
  }

  /** The server's settings (EMBEDDING_THREADS, PDF_EXTRACT_THREADS, ...) from the environment. */
  static PluginContext environment() {
    List<Plugin> all = new ArrayList<>();
    ServiceLoader.load(OcrEngineProvider.class).forEach(all::add);
    return PluginContext.of(environmentConfig(), all);
  }

  private static PluginConfig environmentConfig() {
    return key -> Optional.ofNullable(System.getenv(key));
  }

  static Loaders loaders() throws Exception {
    List<Loaders.Named> all = new ArrayList<>();
    for (DocumentLoaderProvider p : ServiceLoader.load(DocumentLoaderProvider.class)) {
      all.add(new Loaders.Named(p.name(), p.create(environment())));
    }
    return new Loaders(all, new ContentTypes());
  }

  /** A text upload as the server stores it: a file, its loader chosen from the content. */
  static Upload textUpload(Loaders loaders, String text, String title) {
    try {
      Path file = Files.createTempFile("cogentx-bench-", ".txt");
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return new Upload(
          file, Files.size(file), null, loaders.choose(file, null, "text/plain"), title, Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (io.cogentx.spi.DocumentException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A session's knowledge base: an index from the backend, its documents in a {@code memory}
   * session store with files in a temporary directory.
   */
  static KnowledgeBase knowledgeBase(IndexBackend backend, IndexSpec spec) throws IOException {
    SessionStorage storage = memoryStorage();
    StoredSession stored =
        storage.open(
            new SessionRef(java.util.UUID.randomUUID().toString()), java.time.Instant.now());
    return KnowledgeBase.open(stored, backend, spec, null);
  }

  /** The {@code memory} session store, its files in a temporary directory. */
  static SessionStorage memoryStorage() {
    return sessionStorage(
        "memory", Map.of("DOCUMENT_FILES_DIRECTORY", tempDirectory("cogentx-bench-files-")));
  }

  /** A session store plugin by name, with the given settings. */
  static SessionStorage sessionStorage(String name, Map<String, String> settings) {
    try {
      return provider(SessionStoreProvider.class, name).create(PluginContext.of(settings));
    } catch (Exception e) {
      throw new IllegalStateException("cannot create session store " + name, e);
    }
  }

  static String tempDirectory(String prefix) {
    try {
      return Files.createTempDirectory(prefix).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <P extends Plugin> P provider(Class<P> kind, String name) {
    for (P p : ServiceLoader.load(kind)) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw new IllegalStateException(
        "no " + kind.getSimpleName() + " named " + name + " on the class path");
  }
}

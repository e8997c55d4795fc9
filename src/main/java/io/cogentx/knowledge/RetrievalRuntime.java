package io.cogentx.knowledge;

import io.cogentx.retrieval.Chunker;
import io.cogentx.retrieval.FairEmbedder;
import io.cogentx.retrieval.Ingestor;
import io.cogentx.retrieval.Loaders;
import io.cogentx.retrieval.Retriever;
import io.cogentx.spi.Embedder;
import io.cogentx.spi.IndexBackend;
import io.cogentx.spi.IndexSpec;
import io.cogentx.spi.PluginConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The retrieval machinery of this server, built once at start: plugins, the embedding model (loaded
 * before the server reports ready), the index backend, the ingestor and the retriever.
 */
@ApplicationScoped
public class RetrievalRuntime {

  private static final Logger LOG = Logger.getLogger(RetrievalRuntime.class.getName());

  @Inject RetrievalSettings settings;
  @Inject Config config;

  private volatile PluginCatalog plugins;
  private volatile FairEmbedder embedder;
  private volatile IndexBackend backend;
  private volatile Loaders loaders;
  private volatile Ingestor ingestor;
  private volatile Retriever retriever;
  private volatile String failure;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    start();
  }

  synchronized void start() {
    if (embedder != null || failure != null) {
      return;
    }
    try {
      long started = System.nanoTime();
      plugins =
          new PluginCatalog(
              Thread.currentThread().getContextClassLoader(), settings.pluginsDirectory());
      PluginConfig pluginConfig = key -> config.getOptionalValue(key, String.class);
      Embedder model = plugins.embedder(settings.embeddingModel()).create(pluginConfig);
      backend = plugins.backend(settings.vectorBackend());
      loaders = new Loaders(plugins.loaders());
      embedder =
          new FairEmbedder(model, settings.embeddingConcurrency(), 32, settings.embeddingQueue());
      ingestor =
          new Ingestor(
              loaders,
              embedder,
              new Chunker(embedder::countTokens),
              new Ingestor.Limits(settings.maxDocuments(), settings.maxChunks()),
              Clock.systemUTC());
      retriever = new Retriever(embedder);
      LOG.info(
          () ->
              String.format(
                  "Retrieval ready in %d ms: embedding model %s (%d dimensions), index backend %s,"
                      + " loaders %s",
                  (System.nanoTime() - started) / 1_000_000,
                  model.modelName(),
                  model.dimension(),
                  backend.name(),
                  plugins.loaders().stream().map(l -> l.name()).toList()));
    } catch (Exception e) {
      failure = e.getMessage();
      LOG.severe("Retrieval could not start: " + e);
    }
  }

  @PreDestroy
  void stop() {
    if (embedder != null) {
      embedder.close();
    }
  }

  /** Whether the model is loaded; if not, {@link #failure()} may say why. */
  public boolean ready() {
    return retriever != null;
  }

  public String failure() {
    return failure;
  }

  public IndexSpec indexSpec() {
    return IndexSpec.inMemory(embedder().modelName(), embedder().dimension());
  }

  public FairEmbedder embedder() {
    requireReady();
    return embedder;
  }

  public IndexBackend backend() {
    requireReady();
    return backend;
  }

  public Loaders loaders() {
    requireReady();
    return loaders;
  }

  public Ingestor ingestor() {
    requireReady();
    return ingestor;
  }

  public Retriever retriever() {
    requireReady();
    return retriever;
  }

  public PluginCatalog plugins() {
    requireReady();
    return plugins;
  }

  private void requireReady() {
    if (retriever == null) {
      throw new NotReadyException(failure);
    }
  }

  /** Documents and search are not available yet (model loading) or at all (a start-up failure). */
  public static final class NotReadyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotReadyException(String failure) {
      super(
          failure == null
              ? "The server is still loading its embedding model; retry in a few seconds."
              : "Documents and search are unavailable: " + failure,
          null,
          false,
          false);
    }
  }
}

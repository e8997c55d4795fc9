package io.cogentx.application;

import io.cogentx.plugin.PluginKind;
import io.cogentx.retrieval.Chunker;
import io.cogentx.retrieval.ContentTypes;
import io.cogentx.retrieval.FairEmbedder;
import io.cogentx.retrieval.Ingestor;
import io.cogentx.retrieval.KnowledgeBase;
import io.cogentx.retrieval.Loaders;
import io.cogentx.retrieval.Retriever;
import io.cogentx.session.Session;
import io.cogentx.spi.Embedder;
import io.cogentx.spi.IndexBackend;
import io.cogentx.spi.IndexSpec;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * The retrieval machinery of this server, built once at start: the embedding model (loaded before
 * the server reports ready), the index backend, the loaders, the ingestor and the retriever.
 */
@ApplicationScoped
public class RetrievalRuntime {

  private static final Logger LOG = Logger.getLogger(RetrievalRuntime.class.getName());

  @Inject RetrievalSettings settings;
  @Inject PluginRuntime plugins;

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
      Embedder model = plugins.create(PluginKind.EMBEDDER, settings.embeddingModel());
      backend = plugins.create(PluginKind.INDEX_BACKEND, settings.vectorBackend());
      loaders = new Loaders(plugins.createLoaders(), new ContentTypes());
      embedder =
          new FairEmbedder(model, settings.embeddingConcurrency(), 32, settings.embeddingQueue());
      ingestor =
          new Ingestor(
              embedder,
              new Chunker(embedder::countTokens),
              settings.maxChunks(),
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
                  settings.vectorBackend(),
                  loaders.all().stream().map(Loaders.Named::name).toList()));
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

  /**
   * The session's knowledge base as its session store holds it: its own index (reopened or rebuilt
   * from the stored chunks) over its stored documents and files.
   */
  public KnowledgeBase openKnowledgeBase(Session session) throws IOException {
    return KnowledgeBase.open(session.stored(), backend(), indexSpec(), embedder());
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

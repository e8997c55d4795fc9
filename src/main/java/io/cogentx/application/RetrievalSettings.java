package io.cogentx.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settings of documents and search, read with MicroProfile Config (names as environment variables).
 */
@ApplicationScoped
public class RetrievalSettings {

  @Inject
  @ConfigProperty(name = "EMBEDDING_MODEL_NAME")
  String embeddingModel;

  @Inject
  @ConfigProperty(name = "VECTOR_BACKEND")
  String vectorBackend;

  @Inject
  @ConfigProperty(name = "MAX_UPLOAD_MEGABYTES", defaultValue = "50")
  int maxUploadMegabytes;

  @Inject
  @ConfigProperty(name = "MAX_DOCUMENTS_PER_SESSION", defaultValue = "200")
  int maxDocuments;

  @Inject
  @ConfigProperty(name = "MAX_CHUNKS_PER_SESSION", defaultValue = "20000")
  int maxChunks;

  @Inject
  @ConfigProperty(name = "EMBEDDING_CONCURRENCY", defaultValue = "2")
  int embeddingConcurrency;

  @Inject
  @ConfigProperty(name = "EMBEDDING_QUEUE", defaultValue = "256")
  int embeddingQueue;

  @Inject
  @ConfigProperty(name = "SEARCH_MAX_K", defaultValue = "50")
  int searchMaxK;

  @Inject
  @ConfigProperty(name = "PLUGINS_DIRECTORY", defaultValue = "plugins")
  String pluginsDirectory;

  /** Where extra plugin jars are loaded from at start (relative paths: to the server directory). */
  public java.nio.file.Path pluginsDirectory() {
    return java.nio.file.Path.of(pluginsDirectory);
  }

  public String embeddingModel() {
    return embeddingModel;
  }

  public String vectorBackend() {
    return vectorBackend;
  }

  public long maxUploadBytes() {
    return maxUploadMegabytes * 1024L * 1024L;
  }

  public int maxDocuments() {
    return maxDocuments;
  }

  public int maxChunks() {
    return maxChunks;
  }

  public int embeddingConcurrency() {
    return embeddingConcurrency;
  }

  public int embeddingQueue() {
    return embeddingQueue;
  }

  public int searchMaxK() {
    return searchMaxK;
  }
}

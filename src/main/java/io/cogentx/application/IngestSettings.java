package io.cogentx.application;

import io.cogentx.jobs.IngestQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of background ingestion, read with MicroProfile Config. */
@ApplicationScoped
public class IngestSettings {

  @Inject
  @ConfigProperty(name = "INGEST_CONCURRENCY", defaultValue = "2")
  int concurrency;

  @Inject
  @ConfigProperty(name = "INGEST_QUEUE", defaultValue = "256")
  int queue;

  @Inject
  @ConfigProperty(name = "INGEST_QUEUE_PER_SESSION", defaultValue = "16")
  int queuePerSession;

  @Inject
  @ConfigProperty(name = "UPLOAD_SPOOL_DIRECTORY", defaultValue = "tmp/uploads")
  String spoolDirectory;

  /** Jobs running at once, waiting in all, and waiting per session. */
  public IngestQueue.Limits limits() {
    return new IngestQueue.Limits(concurrency, queue, queuePerSession);
  }

  /** Where uploads wait for their job (relative paths: to the server directory). */
  public Path spoolDirectory() {
    return Path.of(spoolDirectory);
  }
}

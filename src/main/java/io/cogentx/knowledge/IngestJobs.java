package io.cogentx.knowledge;

import io.cogentx.api.problem.Failures;
import io.cogentx.jobs.Job;
import io.cogentx.jobs.JobManager;
import io.cogentx.jobs.JobRequest;
import io.cogentx.jobs.JobView;
import io.cogentx.jobs.UploadSpool;
import io.cogentx.retrieval.ContentSniffer;
import io.cogentx.retrieval.QuotaExceededException;
import io.cogentx.session.Session;
import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentLoader;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.IntSupplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * Background ingestion in this server: checks what can be checked at once (format, quota), stores
 * the upload in the spool directory and hands it to a {@link JobManager} running on the server's
 * Jakarta Concurrency managed executor.
 */
@ApplicationScoped
public class IngestJobs {

  @Resource ManagedExecutorService executor;
  @Inject IngestSettings settings;
  @Inject RetrievalSettings retrieval;
  @Inject RetrievalRuntime runtime;
  @Inject DocumentService documents;
  @Inject MetricRegistry metrics;

  private JobManager manager;

  /** Starts with the application, so uploads left over from a previous run are deleted at once. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    manager.waiting();
  }

  @PostConstruct
  void start() {
    try {
      manager =
          new JobManager(
              executor,
              settings.limits(),
              new UploadSpool(settings.spoolDirectory()),
              documents::add,
              Failures::of,
              Clock.systemUTC());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot use UPLOAD_SPOOL_DIRECTORY", e);
    }
    gauge("ingest.jobs.running", "Upload jobs running now", manager::running);
    gauge("ingest.jobs.waiting", "Upload jobs waiting for a worker now", manager::waiting);
  }

  private void gauge(String name, String description, IntSupplier value) {
    metrics.gauge(
        Metadata.builder()
            .withName(name)
            .withDescription(description)
            .withUnit(MetricUnits.NONE)
            .build(),
        value,
        IntSupplier::getAsInt);
  }

  /**
   * Stores the upload, checks it can be taken (a loader for its type, judged by its content where
   * that is certain, and room in the session) and queues its job; when it cannot, the stored file
   * is deleted again.
   *
   * @throws DocumentException UNSUPPORTED_FORMAT when no loader reads this type
   * @throws QuotaExceededException when the session's documents and pending uploads are at the
   *     limit
   * @throws io.cogentx.jobs.IngestQueue.FullException when too many uploads wait
   */
  public Job submit(
      Session session,
      InputStream content,
      String fileName,
      String mediaType,
      String title,
      Map<String, String> options)
      throws DocumentException, IOException {
    Path file = manager.spool().store(content);
    try {
      String type = contentType(file, mediaType);
      DocumentLoader loader = runtime.loaders().select(type, fileName);
      int held = documents.list(session).size() + manager.active(session);
      if (held >= retrieval.maxDocuments()) {
        throw new QuotaExceededException(
            QuotaExceededException.Kind.DOCUMENTS,
            retrieval.maxDocuments(),
            "This session already holds (or is adding) its maximum of "
                + retrieval.maxDocuments()
                + " documents. Delete some to add more.");
      }
      return manager.submit(
          session,
          new JobRequest(
              file,
              Files.size(file),
              fileName,
              type,
              title,
              loader.name().equals("pdf") ? "page" : "part",
              options));
    } catch (DocumentException | IOException | RuntimeException e) {
      manager.spool().delete(file);
      throw e;
    }
  }

  /** The type the content proves when a loader reads it (a PDF named .txt), else the declared. */
  private String contentType(Path file, String declared) throws IOException {
    Optional<String> sniffed = ContentSniffer.sniff(file);
    if (sniffed.isPresent()) {
      try {
        runtime.loaders().select(sniffed.get(), null);
        return sniffed.get();
      } catch (DocumentException noLoader) {
        return declared;
      }
    }
    return declared;
  }

  public Optional<Job> find(Session session, String id) {
    return manager.find(session, id);
  }

  public List<JobView> list(Session session) {
    return manager.list(session);
  }

  public void cancel(Job job) {
    manager.cancel(job);
  }

  /** Runs short tasks such as sending job events. */
  public Executor executor() {
    return executor;
  }
}

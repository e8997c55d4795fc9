package io.cogentx.application;

import io.cogentx.jobs.Job;
import io.cogentx.jobs.JobManager;
import io.cogentx.jobs.JobView;
import io.cogentx.jobs.UploadSpool;
import io.cogentx.retrieval.Loaders;
import io.cogentx.retrieval.QuotaExceededException;
import io.cogentx.retrieval.Upload;
import io.cogentx.session.Session;
import io.cogentx.spi.DocumentException;
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
 * Adding documents, the way every upload goes: {@link #submit} stores the bytes once in the spool,
 * chooses the loader once (from the content), checks the session's room once, and queues a job
 * carrying all of it; the job runs on the server's managed executor and hands the stored file to
 * {@link DocumentService#add}, which reads, chunks, embeds and indexes it and keeps the file as the
 * document's.
 */
@ApplicationScoped
public class IngestService {

  @Resource ManagedExecutorService executor;
  @Inject IngestSettings settings;
  @Inject RetrievalSettings retrieval;
  @Inject RetrievalRuntime runtime;
  @Inject DocumentService documents;
  @Inject MetricRegistry metrics;
  @Inject AbuseLimits limits;
  @Inject LimitSettings limitSettings;

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
              this::problem,
              Clock.systemUTC());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot use UPLOAD_SPOOL_DIRECTORY", e);
    }
    gauge("ingest.jobs.running", "Upload jobs running now", manager::running);
    gauge("ingest.jobs.waiting", "Upload jobs waiting for a worker now", manager::waiting);
  }

  /** The problem a failed job reports; a session quota it ran into is counted. */
  private io.cogentx.problem.Problem problem(Throwable failure) {
    if (failure instanceof QuotaExceededException quota) {
      limits.refused(limitOf(quota.kind()));
    }
    return Failures.of(failure);
  }

  private static AbuseLimits.Limit limitOf(QuotaExceededException.Kind kind) {
    return switch (kind) {
      case DOCUMENTS -> AbuseLimits.Limit.DOCUMENTS;
      case CHUNKS -> AbuseLimits.Limit.CHUNKS;
      case BYTES -> AbuseLimits.Limit.BYTES;
    };
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
   * Stores an upload and queues its job; when it cannot be taken, the stored file is deleted again.
   *
   * @param declaredType the media type the client sent, or {@code null}
   * @throws DocumentException UNSUPPORTED_FORMAT when no loader reads it
   * @throws QuotaExceededException when the session's documents and pending uploads are at the
   *     limit
   * @throws io.cogentx.jobs.IngestQueue.FullException when too many uploads wait
   * @throws io.cogentx.problem.ProblemException 503 when the memory guard refuses new ingestion
   */
  public Job submit(
      Session session,
      InputStream content,
      String fileName,
      String declaredType,
      String title,
      Map<String, String> options)
      throws DocumentException, IOException {
    limits.admitIngestion();
    Path file = manager.spool().store(content);
    try {
      Loaders.Choice reading = runtime.loaders().choose(file, fileName, declaredType);
      requireRoom(session, Files.size(file));
      return manager.submit(
          session, new Upload(file, Files.size(file), fileName, reading, title, options));
    } catch (DocumentException | IOException | RuntimeException e) {
      manager.spool().delete(file);
      throw e;
    }
  }

  /** The session's documents and the uploads it is adding stay within the limits. */
  private void requireRoom(Session session, long bytes) throws IOException {
    List<io.cogentx.retrieval.DocumentInfo> held = documents.list(session);
    if (held.size() + manager.active(session) >= retrieval.maxDocuments()) {
      limits.refused(AbuseLimits.Limit.DOCUMENTS);
      throw new QuotaExceededException(
          QuotaExceededException.Kind.DOCUMENTS,
          retrieval.maxDocuments(),
          "This session already holds (or is adding) its maximum of "
              + retrieval.maxDocuments()
              + " documents. Delete some to add more.");
    }
    long max = limitSettings.maxSessionBytes();
    long total =
        held.stream().mapToLong(io.cogentx.retrieval.DocumentInfo::fileSize).sum()
            + manager.activeBytes(session)
            + bytes;
    if (total > max) {
      limits.refused(AbuseLimits.Limit.BYTES);
      throw new QuotaExceededException(
          QuotaExceededException.Kind.BYTES,
          max,
          "This session's uploads would take "
              + megabytes(total)
              + " MB, over its limit of "
              + megabytes(max)
              + " MB (MAX_SESSION_MEGABYTES). Delete documents to make room.");
    }
  }

  private static String megabytes(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1048576d);
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

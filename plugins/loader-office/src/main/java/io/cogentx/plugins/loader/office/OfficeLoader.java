package io.cogentx.plugins.loader.office;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.LoadResult;
import io.cogentx.spi.Progress;
import io.cogentx.spi.Segment;
import io.cogentx.spi.SegmentSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Reads office and web documents. Each document is read on a worker thread while the loading thread
 * watches it: it reports the places reached (slides, sheets, sections, attachments), passes the
 * user's cancellation on, and stops waiting at the time limit, so a document that never finishes
 * cannot hold an upload (the worker is told to stop at its next piece of text). The segments go to
 * the sink from the loading thread, in reading order.
 */
final class OfficeLoader implements DocumentLoader {

  /** How often the loading thread looks at the reading. */
  private static final long POLL_MILLIS = 200;

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final OfficeSettings settings;
  private final OfficeReader reader;
  private final ExecutorService workers =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "office-reader-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });

  OfficeLoader(OfficeSettings settings) {
    this.settings = settings;
    // Apache POI's own zip-bomb and part-size limits for Office Open XML (process-wide settings)
    ZipSecureFile.setMinInflateRatio(1.0 / settings.maxCompressionRatio());
    ZipSecureFile.setMaxEntrySize(settings.maxEntryBytes());
    this.reader = new OfficeReader(settings);
  }

  @Override
  public Set<String> mediaTypes() {
    return Formats.mediaTypes();
  }

  @Override
  public Set<String> fileExtensions() {
    return Formats.EXTENSIONS;
  }

  @Override
  public String progressUnit() {
    return "part";
  }

  @Override
  public LoadResult load(LoadRequest request, SegmentSink sink, Progress progress)
      throws DocumentException {
    String format = Formats.describe(request.mediaType(), request.fileName());
    Guard guard;
    try {
      guard = new Guard(settings, request.size());
    } catch (IOException e) {
      throw new DocumentException(
          DocumentException.Reason.DAMAGED, "The file could not be read; upload it again.", e);
    }
    Structure structure =
        new Structure(
            guard,
            Formats.isTable(request.mediaType())
                || Formats.isTable(Formats.byExtension(request.fileName())));
    Path workDir = Path.of(System.getProperty("java.io.tmpdir"));
    Future<OfficeReader.Read> reading =
        workers.submit(() -> reader.read(request, guard, structure, workDir));
    OfficeReader.Read read = await(reading, guard, structure, progress, format);
    if (read == null) {
      return LoadResult.titled(null); // cancelled
    }
    int places = Math.max(1, structure.places());
    for (Segment segment : read.segments()) {
      if (progress.cancelled()) {
        break;
      }
      sink.accept(segment);
    }
    progress.report("extracting", places, places);
    return read.result();
  }

  private OfficeReader.Read await(
      Future<OfficeReader.Read> reading,
      Guard guard,
      Structure structure,
      Progress progress,
      String format)
      throws DocumentException {
    int reported = -1;
    while (true) {
      try {
        return reading.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException stillReading) {
        if (progress.cancelled()) {
          guard.cancel();
          reading.cancel(true);
          return null;
        }
        if (guard.overdue()) {
          guard.stopped(Guard.Stop.TIMEOUT);
          guard.cancel();
          reading.cancel(true);
          throw OfficeFailures.stopped(Guard.Stop.TIMEOUT, format, settings);
        }
        int places = structure.places();
        if (places != reported) {
          reported = places;
          progress.report("extracting", places, 0);
        }
      } catch (ExecutionException e) {
        if (progress.cancelled()) {
          return null;
        }
        if (e.getCause() instanceof DocumentException failure) {
          throw failure;
        }
        throw OfficeFailures.of(e.getCause(), format, settings);
      } catch (InterruptedException e) {
        guard.cancel();
        reading.cancel(true);
        Thread.currentThread().interrupt();
        return null;
      }
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}

package io.cogentx.api;

import io.cogentx.application.AbuseLimits;
import io.cogentx.application.LimitSettings;
import io.cogentx.application.RetrievalSettings;
import io.cogentx.problem.ProblemException;
import io.cogentx.problem.ProblemType;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Bounds request bodies. Over {@code MAX_UPLOAD_MEGABYTES} (JSON requests other than pasted text:
 * over {@value #MAX_JSON_BYTES} bytes) is refused at once when Content-Length says so, otherwise as
 * soon as the body read passes the limit (chunked uploads), so an oversized upload never fills
 * memory or disk. A body arriving slower than {@code UPLOAD_MIN_KILOBYTES_PER_SECOND} on average,
 * once {@code UPLOAD_RATE_GRACE_SECONDS} have passed, is cut off with 408, so a client trickling
 * bytes cannot hold a worker thread for ever (a client sending nothing at all is cut off by the
 * HTTP endpoint's read timeout, server.xml).
 */
@Provider
@PreMatching
public class UploadLimitFilter implements ContainerRequestFilter {

  /** The largest JSON body of a question, a search or anything else but pasted text. */
  static final long MAX_JSON_BYTES = 1024 * 1024;

  @Inject RetrievalSettings settings;
  @Inject LimitSettings limitSettings;
  @Inject AbuseLimits limits;

  @Override
  public void filter(ContainerRequestContext request) {
    long max = maxBytes(request);
    if (request.getLength() > max) {
      throw tooLarge(max);
    }
    if (request.hasEntity()) {
      request.setEntityStream(
          new Limited(
              request.getEntityStream(),
              max,
              limitSettings.uploadMinBytesPerSecond(),
              limitSettings.uploadRateGraceMillis(),
              System::nanoTime,
              () -> limits.refused(AbuseLimits.Limit.UPLOAD_RATE)));
    }
  }

  private long maxBytes(ContainerRequestContext request) {
    MediaType type = request.getMediaType();
    boolean json =
        type != null
            && type.getSubtype() != null
            && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
    boolean pastedText = request.getUriInfo().getPath().replaceAll("/+$", "").endsWith("documents");
    return json && !pastedText
        ? Math.min(MAX_JSON_BYTES, settings.maxUploadBytes())
        : settings.maxUploadBytes();
  }

  static RuntimeException tooLarge(long max) {
    String limit =
        max >= 1024 * 1024
            ? (max >> 20)
                + " MB (MAX_UPLOAD_MEGABYTES). Split the document or ask the operator to"
                + " raise the limit."
            : (max >> 10) + " KB for this request. Send less.";
    return new ProblemException(
        ProblemType.PAYLOAD_TOO_LARGE.with(
            "The request body is larger than the server's limit of " + limit,
            Map.of("max_bytes", max)));
  }

  /** Thrown while reading a body that passes the limit. */
  public static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long max;

    TooLargeException(long max) {
      super("request body over " + max + " bytes");
      this.max = max;
    }

    public RuntimeException problem() {
      return tooLarge(max);
    }
  }

  /** Thrown while reading a body that arrives slower than the slowest rate allowed. */
  public static final class TooSlowException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long minBytesPerSecond;

    TooSlowException(long read, long millis, long minBytesPerSecond) {
      super("request body too slow: " + read + " bytes in " + millis + " ms");
      this.minBytesPerSecond = minBytesPerSecond;
    }

    public RuntimeException problem() {
      return new ProblemException(
          ProblemType.REQUEST_TIMEOUT.with(
              "The request body arrived slower than "
                  + Math.max(1, minBytesPerSecond / 1024)
                  + " KB/s (UPLOAD_MIN_KILOBYTES_PER_SECOND), so the server stopped reading it."
                  + " Upload again over a faster connection.",
              Map.of("min_bytes_per_second", minBytesPerSecond)));
    }
  }

  /** Counts what is read against the size limit and the slowest rate. */
  static final class Limited extends FilterInputStream {
    private final long max;
    private final long minBytesPerSecond;
    private final long graceNanos;
    private final LongSupplier nanoTime;
    private final Runnable onTooSlow;
    private final long started;
    private long read;

    Limited(
        InputStream in,
        long max,
        long minBytesPerSecond,
        long graceMillis,
        LongSupplier nanoTime,
        Runnable onTooSlow) {
      super(in);
      this.max = max;
      this.minBytesPerSecond = minBytesPerSecond;
      this.graceNanos = graceMillis * 1_000_000;
      this.nanoTime = nanoTime;
      this.onTooSlow = onTooSlow;
      this.started = nanoTime.getAsLong();
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b >= 0 ? 1 : 0);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      count(Math.max(0, n));
      return n;
    }

    private void count(long n) throws IOException {
      read += n;
      if (read > max) {
        throw new TooLargeException(max);
      }
      if (minBytesPerSecond > 0) {
        long elapsed = nanoTime.getAsLong() - started;
        if (elapsed > graceNanos && read < minBytesPerSecond * (elapsed / 1_000_000_000d)) {
          onTooSlow.run();
          throw new TooSlowException(read, elapsed / 1_000_000, minBytesPerSecond);
        }
      }
    }
  }
}

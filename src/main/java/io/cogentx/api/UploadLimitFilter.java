package io.cogentx.api;

import io.cogentx.application.RetrievalSettings;
import io.cogentx.problem.ProblemException;
import io.cogentx.problem.ProblemType;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Refuses request bodies over {@code MAX_UPLOAD_MEGABYTES}: at once when Content-Length says so,
 * otherwise as soon as the body read passes the limit (chunked uploads), so an oversized upload
 * never fills memory or disk.
 */
@Provider
@PreMatching
public class UploadLimitFilter implements ContainerRequestFilter {

  @Inject RetrievalSettings settings;

  @Override
  public void filter(ContainerRequestContext request) {
    long max = settings.maxUploadBytes();
    if (request.getLength() > max) {
      throw tooLarge(max);
    }
    if (request.hasEntity()) {
      request.setEntityStream(new Limited(request.getEntityStream(), max));
    }
  }

  static RuntimeException tooLarge(long max) {
    return new ProblemException(
        ProblemType.PAYLOAD_TOO_LARGE.with(
            "The upload is larger than the server's limit of "
                + (max >> 20)
                + " MB (MAX_UPLOAD_MEGABYTES). Split the document or ask the operator to raise the"
                + " limit.",
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

  private static final class Limited extends FilterInputStream {
    private final long max;
    private long read;

    Limited(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(long n) throws IOException {
      read += n;
      if (read > max) {
        throw new TooLargeException(max);
      }
    }
  }
}

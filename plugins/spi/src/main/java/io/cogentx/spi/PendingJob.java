package io.cogentx.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * An upload taken but not yet indexed, recorded so that one a crash interrupted is reported as
 * failed instead of being silently lost.
 *
 * @param id the job's id
 * @param createdAt when the upload was taken
 * @param metadata what the server shows about it (file name, title), as the server wrote it; opaque
 *     to the store
 */
public record PendingJob(String id, Instant createdAt, String metadata) {

  public PendingJob {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(metadata, "metadata");
  }
}

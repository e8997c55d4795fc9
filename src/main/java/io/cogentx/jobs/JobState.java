package io.cogentx.jobs;

import java.util.Locale;

/** Where a job is in its life. */
public enum JobState {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  /** Whether the job has ended (it changes no more). */
  public boolean ended() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }

  /** The name in the API, e.g. {@code queued}. */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}

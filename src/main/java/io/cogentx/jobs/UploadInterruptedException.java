package io.cogentx.jobs;

/** An upload the server took and did not finish indexing because it stopped or crashed. */
public final class UploadInterruptedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UploadInterruptedException() {
    super(
        "The server stopped while this upload was waiting or being indexed, so it was not added."
            + " Upload it again.",
        null,
        false,
        false);
  }
}

package io.cogentx.plugins.loader.audio;

import io.cogentx.spi.Progress;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of a program: no shell (the arguments are passed as they are), standard input from {@code
 * /dev/null}, standard output and error into files the caller names (so output is bounded by what
 * the caller reads back, never held in memory), a timeout, and the user's cancellation checked
 * every {@value #POLL_MILLIS} ms. Whatever happens (success, failure, timeout, cancellation, an
 * interrupt) the process and any children it started are killed before {@link #run} returns.
 */
final class ExternalProcess {

  static final long POLL_MILLIS = 100;

  /** Bytes of standard error kept for an error message. */
  static final int ERROR_TAIL = 4096;

  /** How a run ended. */
  enum End {
    EXITED,
    TIMED_OUT,
    CANCELLED
  }

  /**
   * @param end how it ended
   * @param exitCode the exit code when it {@link End#EXITED}, else -1
   */
  record Outcome(End end, int exitCode) {
    boolean succeeded() {
      return end == End.EXITED && exitCode == 0;
    }
  }

  private ExternalProcess() {}

  /**
   * Runs {@code command} until it exits, the timeout passes or the user cancels.
   *
   * @param stdout where standard output goes ({@code null}: discarded)
   * @param stderr where standard error goes ({@code null}: discarded)
   * @throws IOException when the program cannot be started (e.g. it is not installed)
   * @throws InterruptedIOException when the thread is interrupted (the process is killed first)
   */
  static Outcome run(
      List<String> command, Path stdout, Path stderr, Duration timeout, Progress progress)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(
                stdout == null
                    ? ProcessBuilder.Redirect.DISCARD
                    : ProcessBuilder.Redirect.to(stdout.toFile()))
            .redirectError(
                stderr == null
                    ? ProcessBuilder.Redirect.DISCARD
                    : ProcessBuilder.Redirect.to(stderr.toFile()));
    Process process = builder.start();
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        if (process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
          return new Outcome(End.EXITED, process.exitValue());
        }
        if (progress.cancelled()) {
          return new Outcome(End.CANCELLED, -1);
        }
        if (System.nanoTime() - deadline > 0) {
          return new Outcome(End.TIMED_OUT, -1);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while " + command.get(0) + " ran");
    } finally {
      kill(process);
    }
  }

  /** Kills the process and its descendants, and waits (briefly) until they are gone. */
  static void kill(Process process) {
    List<ProcessHandle> family =
        java.util.stream.Stream.concat(
                process.descendants(), java.util.stream.Stream.of(process.toHandle()))
            .toList();
    for (ProcessHandle p : family) {
      p.destroyForcibly();
    }
    for (ProcessHandle p : family) {
      try {
        p.onExit().get(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        // gone or stuck in the kernel: nothing more to do from here
      }
    }
  }

  /** The last {@value #ERROR_TAIL} bytes of a file, as text with lines joined ("" if none). */
  static String tail(Path file) {
    if (file == null) {
      return "";
    }
    try {
      long size = Files.size(file);
      try (InputStream in = Files.newInputStream(file)) {
        in.skipNBytes(Math.max(0, size - ERROR_TAIL));
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      }
    } catch (IOException e) {
      return "";
    }
  }
}

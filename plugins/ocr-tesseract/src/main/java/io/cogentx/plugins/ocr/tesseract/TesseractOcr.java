package io.cogentx.plugins.ocr.tesseract;

import io.cogentx.spi.OcrEngine;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;

/**
 * Runs the Tesseract 5 command on each page ({@code tesseract page.png stdout -l eng}) in a process
 * with a timeout. The command is {@code TESSERACT_PATH}, else {@code tesseract} on the {@code
 * PATH}; without it the engine reports itself unavailable. Tesseract runs single-threaded ({@code
 * OMP_THREAD_LIMIT=1}): on a shared machine its OpenMP threads made a page five times slower.
 */
final class TesseractOcr implements OcrEngine {

  private static final System.Logger LOG = System.getLogger(TesseractOcr.class.getName());
  private static final long VERSION_CHECK_SECONDS = 20;

  private final String command;
  private volatile Boolean available;

  /** Runs {@code command} (a path, or a name looked up on the PATH). */
  TesseractOcr(String command) {
    this.command = command;
  }

  @Override
  public boolean available() {
    Boolean known = available;
    if (known == null) {
      known = resolve(command).map(TesseractOcr::answersVersion).orElse(false);
      available = known;
      LOG.log(
          System.Logger.Level.INFO,
          known
              ? "Tesseract OCR is available"
              : "Tesseract OCR is not available (" + command + ")");
    }
    return known;
  }

  @Override
  public String recognize(BufferedImage page, OcrEngine.Options options)
      throws IOException, TimeoutException {
    Path dir = Files.createTempDirectory("cogentx-ocr-");
    try {
      Path image = dir.resolve("page.png");
      Path text = dir.resolve("text.txt");
      Path errors = dir.resolve("errors.txt");
      if (!ImageIO.write(page, "png", image.toFile())) {
        throw new IOException("No PNG writer available");
      }
      List<String> arguments = new ArrayList<>();
      arguments.add(resolve(command).orElse(command));
      arguments.add(image.toString());
      arguments.add("stdout");
      arguments.add("-l");
      arguments.add(String.join("+", options.languages()));
      arguments.add("--dpi");
      arguments.add(Integer.toString(options.dpi()));
      int exit = run(arguments, text, errors, options.timeout().toMillis());
      if (exit != 0) {
        throw new IOException(
            "tesseract exited with " + exit + ": " + firstLine(Files.readString(errors)));
      }
      return Files.readString(text, StandardCharsets.UTF_8).replace('\f', '\n').strip();
    } finally {
      deleteTree(dir);
    }
  }

  private static int run(List<String> arguments, Path stdout, Path stderr, long timeoutMillis)
      throws IOException, TimeoutException {
    ProcessBuilder builder =
        new ProcessBuilder(arguments)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().put("OMP_THREAD_LIMIT", "1");
    Process process = builder.start();
    try {
      if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new TimeoutException("tesseract took longer than " + timeoutMillis + " ms");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while waiting for tesseract");
    }
  }

  /** The command's executable: the path itself when it has a slash, else found on the PATH. */
  static Optional<String> resolve(String command) {
    if (command.contains(File.separator)) {
      return Files.isExecutable(Path.of(command)) ? Optional.of(command) : Optional.empty();
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, command);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate.toString());
      }
    }
    return Optional.empty();
  }

  private static boolean answersVersion(String executable) {
    try {
      Process process =
          new ProcessBuilder(executable, "--version")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!process.waitFor(VERSION_CHECK_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return false;
      }
      return process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String firstLine(String s) {
    String line = s.strip();
    int newline = line.indexOf('\n');
    return newline < 0 ? line : line.substring(0, newline);
  }

  private static void deleteTree(Path dir) {
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "Could not delete " + dir, e);
    }
  }
}

package io.cogentx.plugins.transcriber.pocketsphinx;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentException.Reason;
import io.cogentx.spi.PluginHealth;
import io.cogentx.spi.Progress;
import io.cogentx.spi.Segment;
import io.cogentx.spi.Transcriber;
import io.cogentx.spi.WavAudio;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs {@code pocketsphinx_continuous -infile piece.wav -time yes} on each piece (a process without
 * a shell, with a timeout, killed on cancellation) and groups the timed words it prints into
 * utterances. The piece is first padded with a little silence ({@code POCKETSPHINX_PAD_SECONDS}):
 * the decoder's live cepstral mean normalisation adapts during it, and on the development clips
 * words at the very start were lost without it.
 */
final class Pocketsphinx implements Transcriber, PluginHealth.Reporting {

  static final int SAMPLE_RATE = 16_000;
  private static final long POLL_MILLIS = 100;

  private final String command;
  private final Path modelDirectory;
  private final List<String> options;
  private final double padSeconds;
  private final Duration timeout;
  private volatile Boolean available;

  Pocketsphinx(
      String command,
      Path modelDirectory,
      List<String> options,
      double padSeconds,
      Duration timeout) {
    this.command = command;
    this.modelDirectory = modelDirectory;
    this.options = List.copyOf(options);
    this.padSeconds = padSeconds;
    this.timeout = timeout;
  }

  @Override
  public boolean available() {
    Boolean known = available;
    if (known == null) {
      known = executable().isPresent() && missingModelFile().isEmpty();
      available = known;
    }
    return known;
  }

  @Override
  public PluginHealth health() {
    if (executable().isEmpty()) {
      return PluginHealth.down(
          command
              + " is not installed: apt-get install pocketsphinx pocketsphinx-en-us (or set"
              + " POCKETSPHINX_PATH)",
          Map.of());
    }
    Optional<Path> missing = missingModelFile();
    if (missing.isPresent()) {
      return PluginHealth.down(
          "The English model is missing ("
              + missing.get()
              + "): apt-get install pocketsphinx-en-us (or set POCKETSPHINX_MODEL_DIRECTORY)",
          Map.of());
    }
    return PluginHealth.up(
        "Offline speech recognition with a weak accuracy. For accurate transcripts enable"
            + " Whisper: set WHISPER_BASE_URL (a Whisper server) or WHISPER_MODEL_PATH (a ggml"
            + " model).",
        Map.of("accuracy", "weak", "model", modelDirectory.toString()));
  }

  /** The acoustic model, language model and dictionary this transcriber runs with. */
  List<Path> modelFiles() {
    return List.of(
        modelDirectory.resolve("en-us").resolve("mdef"),
        modelDirectory.resolve("en-us.lm.bin"),
        modelDirectory.resolve("cmudict-en-us.dict"));
  }

  private Optional<Path> missingModelFile() {
    return modelFiles().stream().filter(f -> !Files.isRegularFile(f)).findFirst();
  }

  @Override
  public List<Segment> transcribe(Path wav16kMono, Progress progress) throws DocumentException {
    String executable =
        executable()
            .orElseThrow(
                () ->
                    new DocumentException(
                        Reason.UNAVAILABLE, command + " is not installed on this server."));
    Path dir = null;
    try {
      WavAudio audio = PcmWav.requirePcm16Mono(wav16kMono, SAMPLE_RATE);
      dir = workDirectory(wav16kMono);
      Path padded = dir.resolve("padded.wav");
      long pad = Math.round(padSeconds * SAMPLE_RATE);
      PcmWav.writePadded(wav16kMono, audio, pad, padded);
      Path out = dir.resolve("out.txt");
      Path err = dir.resolve("err.txt");
      List<String> arguments = new ArrayList<>();
      arguments.add(executable);
      arguments.addAll(
          List.of(
              "-infile",
              padded.toString(),
              "-time",
              "yes",
              "-logfn",
              "/dev/null",
              "-hmm",
              modelDirectory.resolve("en-us").toString(),
              "-lm",
              modelDirectory.resolve("en-us.lm.bin").toString(),
              "-dict",
              modelDirectory.resolve("cmudict-en-us.dict").toString()));
      arguments.addAll(options);
      run(arguments, out, err, progress);
      double seconds = audio.seconds();
      try (BufferedReader reader = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
        return TimedWords.utterances(reader, padSeconds, seconds);
      }
    } catch (InterruptedIOException e) {
      Thread.currentThread().interrupt();
      throw new DocumentException(Reason.EMPTY, "Transcription was interrupted.", e);
    } catch (IOException e) {
      throw new DocumentException(
          Reason.UNAVAILABLE, "pocketsphinx could not be run (" + e.getMessage() + ").", e);
    } finally {
      deleteTree(dir);
    }
  }

  private void run(List<String> arguments, Path out, Path err, Progress progress)
      throws IOException, DocumentException {
    Process process =
        new ProcessBuilder(arguments)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        if (progress.cancelled()) {
          throw new DocumentException(Reason.EMPTY, "Transcription was cancelled.");
        }
        if (System.nanoTime() - deadline > 0) {
          throw new DocumentException(
              Reason.DAMAGED,
              "pocketsphinx took longer than "
                  + timeout.toSeconds()
                  + " s for one piece of audio (POCKETSPHINX_TIMEOUT_SECONDS).");
        }
      }
      if (process.exitValue() != 0) {
        throw new DocumentException(
            Reason.DAMAGED,
            "pocketsphinx could not transcribe this audio (exit "
                + process.exitValue()
                + lastLine(err)
                + ").");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while pocketsphinx ran");
    } finally {
      Stream.concat(process.descendants(), Stream.of(process.toHandle()))
          .forEach(ProcessHandle::destroyForcibly);
      try {
        process.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static String lastLine(Path err) {
    try (InputStream in = Files.newInputStream(err)) {
      long size = Files.size(err);
      in.skipNBytes(Math.max(0, size - 1000));
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split("\n");
      String last = lines[lines.length - 1].strip();
      return last.isEmpty() ? "" : ": " + last;
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * A folder for the padded copy and the output: beside the piece when that folder is writable (an
   * audio loader's working directory, emptied after every recording), else the temp directory.
   */
  private static Path workDirectory(Path wav) throws IOException {
    Path parent = wav.toAbsolutePath().getParent();
    if (parent != null && Files.isWritable(parent)) {
      try {
        return Files.createTempDirectory(parent, "cogentx-pocketsphinx-");
      } catch (IOException e) {
        // fall back to the temp directory
      }
    }
    return Files.createTempDirectory("cogentx-pocketsphinx-");
  }

  /** The command's executable: the path itself when it has a slash, else found on the PATH. */
  private Optional<String> executable() {
    if (command.contains(File.separator)) {
      return Files.isExecutable(Path.of(command)) ? Optional.of(command) : Optional.empty();
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, command);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate.toString());
        }
      }
    }
    return Optional.empty();
  }

  private static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // the temp directory is the operating system's to clean now
    }
  }
}

package io.cogentx.plugins.loader.audio;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentException.Reason;
import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.LoadResult;
import io.cogentx.spi.PluginHealth;
import io.cogentx.spi.Progress;
import io.cogentx.spi.Segment;
import io.cogentx.spi.SegmentSink;
import io.cogentx.spi.WavAudio;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a recording or a video: ffprobe says what it holds and how long it is (refused beyond
 * {@code MAX_AUDIO_MINUTES}, or without an audio track), ffmpeg decodes it to 16 kHz mono PCM and
 * finds its silences, the recording is cut at silences into pieces of about {@code
 * AUDIO_PIECE_SECONDS}, and each piece is transcribed in turn (progress: "minute i of n"); the
 * segments get times from the start of the recording. Everything is done in a working directory of
 * its own that is deleted, and every process killed, however the load ends.
 */
final class AudioLoader implements DocumentLoader, PluginHealth.Reporting {

  private static final System.Logger LOG = System.getLogger(AudioLoader.class.getName());

  /** The stage reported while pieces are transcribed ("Transcribing minute 2 of 7"). */
  static final String TRANSCRIBING = "transcribing";

  static final String DECODING = "decoding";

  /** Decoded audio shorter than the container says by more than this is a cut-off file. */
  static final double TRUNCATION_TOLERANCE = 0.9;

  private final AudioSettings settings;
  private final Engines engines;
  private final Decoder decoder;

  AudioLoader(AudioSettings settings, Engines engines) {
    this.settings = settings;
    this.engines = engines;
    this.decoder = new Decoder(settings);
  }

  @Override
  public Set<String> mediaTypes() {
    // as Apache Tika names them (the server's detector); Ogg and Matroska without a telling name
    // are detected as their containers
    return Set.of(
        "audio/vnd.wave",
        "audio/mpeg",
        "audio/mp4",
        "audio/ogg",
        "audio/opus",
        "audio/vorbis",
        "audio/x-flac",
        "video/webm",
        "video/mp4",
        "video/quicktime",
        "video/x-matroska",
        "application/ogg",
        "application/x-matroska");
  }

  @Override
  public Set<String> fileExtensions() {
    return Set.of(
        "wav", "mp3", "m4a", "ogg", "oga", "opus", "flac", "webm", "mp4", "m4v", "mov", "mkv",
        "mka");
  }

  @Override
  public String progressUnit() {
    return "minute";
  }

  @Override
  public PluginHealth health() {
    return engines.health();
  }

  @Override
  public LoadResult load(LoadRequest request, SegmentSink sink, Progress progress)
      throws DocumentException {
    List<Engines.Engine> usable = engines.usable();
    if (usable.isEmpty()) {
      throw new DocumentException(Reason.UNAVAILABLE, engines.nothingUsable());
    }
    Path work = null;
    try {
      if (request.size() == 0) {
        throw new DocumentException(Reason.EMPTY, "The file is empty (0 bytes).");
      }
      Files.createDirectories(settings.workDirectory());
      work = Files.createTempDirectory(settings.workDirectory(), "cogentx-audio-");
      return read(request, work, usable, sink, progress);
    } catch (InterruptedIOException e) {
      Thread.currentThread().interrupt();
      throw cancelled();
    } catch (IOException e) {
      throw new DocumentException(
          Reason.DAMAGED,
          "The recording could not be processed ("
              + e.getMessage()
              + "); is ffmpeg installed (FFMPEG_PATH)?",
          e);
    } finally {
      deleteTree(work);
    }
  }

  private LoadResult read(
      LoadRequest request,
      Path work,
      List<Engines.Engine> usable,
      SegmentSink sink,
      Progress progress)
      throws DocumentException, IOException {
    String name = request.fileName();
    MediaProbe.Media media =
        MediaProbe.probe(settings.ffprobe(), request.file(), work, name, progress);
    if (media.audioStreams() == 0) {
      throw media.videoStreams() > 0
          ? new DocumentException(
              Reason.EMPTY, "This video has no audio track, so there is nothing to transcribe.")
          : new DocumentException(Reason.DAMAGED, "No audio stream was found in this file.");
    }
    double maxSeconds = settings.maxMinutes() * 60.0;
    if (media.durationSeconds().isPresent() && media.durationSeconds().getAsDouble() > maxSeconds) {
      throw tooLong(media.durationSeconds().getAsDouble());
    }
    requireWholeWav(request.file());
    progress.report(DECODING, 0, 0);
    Decoder.Decoded decoded = decoder.decode(request.file(), work, name, maxSeconds + 1, progress);
    double seconds = decoded.seconds();
    if (seconds > maxSeconds) {
      throw tooLong(seconds);
    }
    if (media.durationSeconds().isPresent()) {
      double declared = media.durationSeconds().getAsDouble();
      if (seconds < TRUNCATION_TOLERANCE * declared && declared - seconds > 1) {
        throw new DocumentException(
            Reason.DAMAGED,
            String.format(
                Locale.ROOT,
                "The recording is cut off: it says it lasts %.1f s, but only %.1f s could be"
                    + " decoded (an incomplete download?). Upload the whole file.",
                declared,
                seconds));
      }
    }
    List<Cuts.Piece> pieces =
        Cuts.plan(seconds, decoded.silences(), settings.pieceSeconds(), settings.maxPieceSeconds());
    Transcription transcription = new Transcription(usable, engines.auto(), sink);
    int minutes = (int) Math.max(1, Math.ceil(seconds / 60));
    for (int i = 0; i < pieces.size(); i++) {
      if (progress.cancelled()) {
        throw cancelled();
      }
      Cuts.Piece piece = pieces.get(i);
      progress.report(TRANSCRIBING, Math.min(minutes, 1 + (int) (piece.start() / 60)), minutes);
      Path wav = work.resolve("piece-" + i + ".wav");
      WavFile.writePiece(
          decoded.wav(),
          decoded.header(),
          Math.round(piece.start() * Decoder.SAMPLE_RATE),
          Math.round(piece.end() * Decoder.SAMPLE_RATE),
          wav);
      try {
        transcription.transcribe(piece, wav, progress);
      } finally {
        Files.deleteIfExists(wav);
      }
    }
    progress.report(TRANSCRIBING, minutes, minutes);
    if (transcription.segments() == 0) {
      throw new DocumentException(
          Reason.EMPTY,
          "No speech was recognised in this recording (transcribed by "
              + String.join(", ", transcription.engineLabels())
              + ").");
    }
    return new LoadResult(null, transcription.warnings());
  }

  /** A WAV file whose header promises more samples than it holds was cut off. */
  private static void requireWholeWav(Path file) throws IOException, DocumentException {
    WavAudio h = WavAudio.read(file).orElse(null);
    if (h != null
        && h.declaredDataBytes() != 0xFFFFFFFFL
        && h.availableDataBytes() < TRUNCATION_TOLERANCE * h.declaredDataBytes()
        && h.declaredSeconds() - h.seconds() > 1) {
      throw new DocumentException(
          Reason.DAMAGED,
          String.format(
              Locale.ROOT,
              "The recording is cut off: its header promises %.1f s of audio, but the file holds"
                  + " only %.1f s (an incomplete download?). Upload the whole file.",
              h.declaredSeconds(),
              h.seconds()));
    }
  }

  private DocumentException tooLong(double seconds) {
    return new DocumentException(
        Reason.TOO_LARGE,
        String.format(
            Locale.ROOT,
            "This recording lasts %.0f minutes; the server transcribes at most %d minutes"
                + " (MAX_AUDIO_MINUTES). Split it and upload the parts.",
            Math.ceil(seconds / 60),
            settings.maxMinutes()));
  }

  /** What the loader throws when the user cancelled (the job ends as cancelled, not failed). */
  static DocumentException cancelled() {
    return new DocumentException(Reason.EMPTY, "Cancelled; the recording was not added.");
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
      LOG.log(System.Logger.Level.WARNING, "Could not delete " + dir, e);
    }
  }

  @Override
  public void close() {
    engines.close();
  }

  /** The pieces' transcripts as they go to the sink, and which engines made them. */
  private static final class Transcription {
    private final List<Engines.Engine> engines;
    private final boolean fallBack;
    private final SegmentSink sink;
    private final List<String> warnings = new ArrayList<>();
    private final List<Engines.Engine> used = new ArrayList<>();
    private int current;
    private int segments;

    Transcription(List<Engines.Engine> engines, boolean fallBack, SegmentSink sink) {
      this.engines = engines;
      this.fallBack = fallBack;
      this.sink = sink;
    }

    void transcribe(Cuts.Piece piece, Path wav, Progress progress) throws DocumentException {
      while (true) {
        Engines.Engine engine = engines.get(current);
        try {
          List<Segment> got = engine.transcriber().transcribe(wav, progress);
          if (!used.contains(engine)) {
            used.add(engine);
            warnings.add(Engines.note(engine));
          }
          for (Segment s : got) {
            emit(piece, s);
          }
          return;
        } catch (DocumentException e) {
          if (progress.cancelled()) {
            throw cancelled();
          }
          if (e.reason() != Reason.UNAVAILABLE || !fallBack || current + 1 >= engines.size()) {
            throw e;
          }
          current++;
          warnings.add(
              String.format(
                  Locale.ROOT,
                  "%s was unavailable (%s); from %s on, %s transcribed the recording.",
                  engine.name(),
                  e.getMessage(),
                  Clock.format(piece.start()),
                  engines.get(current).name()));
        }
      }
    }

    private void emit(Cuts.Piece piece, Segment s) {
      String text = s.text() == null ? "" : s.text().strip();
      if (text.isEmpty()) {
        return;
      }
      double start = piece.start() + (s.startSeconds() == null ? 0 : s.startSeconds());
      double end = piece.start() + (s.endSeconds() == null ? piece.length() : s.endSeconds());
      start = Math.clamp(start, piece.start(), piece.end());
      end = Math.clamp(end, start, piece.end());
      sink.accept(Segment.timed(round(start), round(end), text));
      segments++;
    }

    private static double round(double seconds) {
      return Math.round(seconds * 1000) / 1000.0;
    }

    int segments() {
      return segments;
    }

    List<String> engineLabels() {
      return (used.isEmpty() ? engines.subList(0, 1) : used)
          .stream().map(Engines.Engine::label).toList();
    }

    List<String> warnings() {
      return List.copyOf(warnings);
    }
  }
}

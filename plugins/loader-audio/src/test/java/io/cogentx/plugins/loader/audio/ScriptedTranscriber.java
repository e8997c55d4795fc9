package io.cogentx.plugins.loader.audio;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.Progress;
import io.cogentx.spi.Segment;
import io.cogentx.spi.Transcriber;
import io.cogentx.spi.TranscriberProvider;
import io.cogentx.spi.WavAudio;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A transcriber for the loader's own tests: it checks that each piece it is given is a 16 kHz mono
 * WAV file, records its length, and "hears" one segment per piece ({@code "piece 3"}, from 0.5 s to
 * the piece's end less 0.5 s), or fails as told. Engines' words are tested with real engines.
 */
final class ScriptedTranscriber implements Transcriber {

  final List<Double> pieces = new CopyOnWriteArrayList<>();
  volatile DocumentException failure;
  volatile boolean closed;

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public List<Segment> transcribe(Path wav, Progress progress) throws DocumentException {
    if (failure != null) {
      throw failure;
    }
    WavAudio audio;
    try {
      audio =
          WavAudio.read(wav)
              .filter(a -> a.isPcm16Mono(16_000))
              .orElseThrow(() -> new AssertionError("not 16 kHz mono: " + wav));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    pieces.add(audio.seconds());
    double end = Math.max(0.5, audio.seconds() - 0.5);
    return List.of(Segment.timed(0.5, end, "piece " + pieces.size()));
  }

  @Override
  public void close() {
    closed = true;
  }

  /** A provider handing out {@code transcriber} under {@code name}. */
  static TranscriberProvider provider(String name, Transcriber transcriber) {
    return new TranscriberProvider() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Transcriber create(PluginContext context) {
        return transcriber;
      }
    };
  }
}

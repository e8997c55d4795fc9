package io.cogentx.plugins.loader.subtitles;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentException.Reason;
import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.LoadResult;
import io.cogentx.spi.Progress;
import io.cogentx.spi.Segment;
import io.cogentx.spi.SegmentSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** Reads a subtitle file cue by cue; each cue's text becomes a segment with its time range. */
final class SubtitlesLoader implements DocumentLoader {

  /** How often (in cues) progress is reported. */
  private static final int PROGRESS_EVERY = 50;

  private final int maxCues;

  SubtitlesLoader(int maxCues) {
    this.maxCues = maxCues;
  }

  @Override
  public Set<String> mediaTypes() {
    return Set.of("application/x-subrip", "text/vtt");
  }

  @Override
  public Set<String> fileExtensions() {
    return Set.of("srt", "vtt");
  }

  @Override
  public String progressUnit() {
    return "cue";
  }

  @Override
  public LoadResult load(LoadRequest request, SegmentSink sink, Progress progress)
      throws DocumentException {
    List<Cue> cues;
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                request.openStream(),
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
      cues = Cues.parse(reader, maxCues);
    } catch (CharacterCodingException e) {
      throw new DocumentException(
          Reason.DAMAGED,
          "This subtitle file is not UTF-8 text; save it as UTF-8 and upload it again.");
    } catch (IOException e) {
      throw new DocumentException(
          Reason.DAMAGED, "The file could not be read; upload it again.", e);
    }
    if (cues.isEmpty()) {
      throw new DocumentException(
          Reason.EMPTY,
          "No subtitle cues found: a cue is a line like '00:00:01,000 --> 00:00:04,000' followed by"
              + " its text.");
    }
    for (int i = 0; i < cues.size(); i++) {
      if (progress.cancelled()) {
        break;
      }
      Cue cue = cues.get(i);
      sink.accept(Segment.timed(cue.startSeconds(), cue.endSeconds(), cue.text()));
      if ((i + 1) % PROGRESS_EVERY == 0 || i + 1 == cues.size()) {
        progress.report("extracting", i + 1, cues.size());
      }
    }
    return LoadResult.titled(null);
  }
}

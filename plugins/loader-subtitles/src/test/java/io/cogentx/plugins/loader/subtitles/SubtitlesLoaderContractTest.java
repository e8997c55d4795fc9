package io.cogentx.plugins.loader.subtitles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentLoaderProvider;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.Segment;
import io.cogentx.spi.contract.DocumentLoaderContract;
import io.cogentx.spi.contract.Loads;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The SPI's loader contract, and what subtitles are about: cues with their times. */
class SubtitlesLoaderContractTest extends DocumentLoaderContract {

  static final String SRT =
      """
      1
      00:00:01,000 --> 00:00:04,200
      Welcome to the lecture on <i>tidal power</i>.

      2
      00:02:13,500 --> 00:02:41,000
      The barrage at La Rance has produced
      electricity since 1966.

      3
      01:00:00,000 --> 01:00:02,000
      Thank you.
      """;

  static final String VTT =
      """
      WEBVTT Kind: captions

      NOTE recorded in 2024

      intro
      00:01.000 --> 00:04.000 align:start position:10%
      <v Ann>Tidal streams turn underwater turbines.</v>

      00:05.250 --> 00:07.000
      They are predictable.
      """;

  @Override
  protected DocumentLoaderProvider provider() {
    return new SubtitlesLoaderProvider();
  }

  @Override
  protected LoadRequest sample() {
    return Loads.request(
        SRT.getBytes(StandardCharsets.UTF_8), "lecture.srt", "application/x-subrip");
  }

  @Override
  protected String samplePhrase() {
    return "The barrage at La Rance has produced electricity since 1966.";
  }

  @Test
  void eachSubRipCueIsASegmentWithItsTimeRangeAndNoMarkup() throws Exception {
    assertThat(Loads.load(loader, sample()).segments())
        .containsExactly(
            Segment.timed(1.0, 4.2, "Welcome to the lecture on tidal power."),
            Segment.timed(
                133.5, 161.0, "The barrage at La Rance has produced electricity since 1966."),
            Segment.timed(3600.0, 3602.0, "Thank you."));
  }

  @Test
  void webVttWithoutHoursWithSettingsNotesAndVoicesIsRead() throws Exception {
    LoadRequest vtt = Loads.request(VTT.getBytes(StandardCharsets.UTF_8), "talk.vtt", "text/vtt");
    assertThat(Loads.load(loader, vtt).segments())
        .containsExactly(
            Segment.timed(1.0, 4.0, "Tidal streams turn underwater turbines."),
            Segment.timed(5.25, 7.0, "They are predictable."));
  }

  @Test
  void aFileWithoutCuesIsEmptyWithAReasonAPersonCanActOn() {
    LoadRequest none =
        Loads.request("just some words".getBytes(StandardCharsets.UTF_8), "x.srt", "text/vtt");
    assertThatThrownBy(() -> Loads.load(loader, none))
        .isInstanceOfSatisfying(
            DocumentException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(DocumentException.Reason.EMPTY);
              assertThat(e.getMessage()).contains("-->");
            });
  }
}

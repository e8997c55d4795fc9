package io.cogentx.plugins.transcriber.pocketsphinx;

import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.spi.Segment;
import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Reading pocketsphinx_continuous's output, as it printed it for jfk.wav. */
class TimedWordsTest {

  static final String OUTPUT =
      """
      and not
      <s> 3.420 3.530 1.000300
      and(2) 3.540 3.980 0.985603
      <sil> 3.990 4.230 0.828680
      not 4.240 4.550 0.817730
      </s> 4.560 5.010 1.000000
      what your country can do for you
      <s> 5.550 5.590 0.999200
      what 5.600 5.850 0.285662
      [NOISE] 5.850 5.860 0.1
      your 5.860 6.100 0.709042
      country 6.110 6.670 0.473555
      </s> 7.930 8.200 1.000000
      """;

  @Test
  void eachUtteranceIsASegmentWithoutFillersOrAlternativeMarksShiftedByThePadding()
      throws Exception {
    assertThat(TimedWords.utterances(new BufferedReader(new StringReader(OUTPUT)), 0.25, 11.0))
        .containsExactly(
            Segment.timed(3.29, 4.3, "and not"), Segment.timed(5.35, 6.42, "what your country"));
  }

  @Test
  void timesStayWithinTheAudio() throws Exception {
    String out = "<s> 0.0 0.1 1\nhello 0.1 0.4 0.9\nworld 0.5 12.0 0.9\n";
    assertThat(TimedWords.utterances(new BufferedReader(new StringReader(out)), 0.25, 2.0))
        .containsExactly(Segment.timed(0.0, 2.0, "hello world"));
  }

  @Test
  void nothingRecognisedIsNoSegment() throws Exception {
    assertThat(
            TimedWords.utterances(
                new BufferedReader(new StringReader("\n<s> 0 1 1\n</s> 1 2 1\n")), 0, 2))
        .isEmpty();
  }
}

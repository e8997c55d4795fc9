package io.cogentx.plugins.loader.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CutsTest {

  static Silences.Silence quiet(double start, double end) {
    return new Silences.Silence(start, end);
  }

  @Test
  void aShortRecordingIsOnePiece() {
    assertThat(Cuts.plan(11.0, List.of(quiet(3.9, 4.3)), 30, 45))
        .containsExactly(new Cuts.Piece(0, 11.0));
  }

  @Test
  void cutsFallInTheMiddleOfTheSilenceNearestTheTarget() {
    List<Silences.Silence> silences =
        List.of(quiet(10, 11), quiet(27, 28), quiet(33, 35), quiet(58, 59), quiet(80, 81));
    assertThat(Cuts.plan(100, silences, 30, 45))
        .containsExactly(
            new Cuts.Piece(0, 27.5), new Cuts.Piece(27.5, 58.5), new Cuts.Piece(58.5, 100));
  }

  @Test
  void withoutASilenceAPieceIsCutAtTheLongestLength() {
    assertThat(Cuts.plan(100, List.of(), 30, 45))
        .containsExactly(new Cuts.Piece(0, 45), new Cuts.Piece(45, 90), new Cuts.Piece(90, 100));
  }

  @Test
  void silencesTooEarlyInAPieceAreNotUsed() {
    // a silence at 5 s would make a 5 s piece: the piece runs on to the hard limit instead
    assertThat(Cuts.plan(60, List.of(quiet(4.5, 5.5)), 30, 45))
        .containsExactly(new Cuts.Piece(0, 45), new Cuts.Piece(45, 60));
  }

  @Test
  void piecesCoverTheRecordingWithoutGaps() {
    List<Silences.Silence> silences =
        java.util.stream.IntStream.range(1, 400)
            .mapToObj(i -> quiet(i * 7.3, i * 7.3 + 0.4))
            .toList();
    List<Cuts.Piece> pieces = Cuts.plan(1800, silences, 30, 45);
    assertThat(pieces.get(0).start()).isZero();
    assertThat(pieces.get(pieces.size() - 1).end()).isEqualTo(1800);
    for (int i = 1; i < pieces.size(); i++) {
      assertThat(pieces.get(i).start()).isEqualTo(pieces.get(i - 1).end());
      assertThat(pieces.get(i - 1).length()).isBetween(15.0, 45.0);
    }
  }
}

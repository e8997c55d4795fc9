package io.cogentx.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChunkTest {

  @Test
  void aChunkUnderAnotherTitleKeepsWhereItSits() {
    Chunk slide = new Chunk("d1", "deck.pptx", 3, "Revenue grew", 10, 22, 2, null, null, "slide 2");
    Chunk clip = new Chunk("d2", null, 0, "we choose", 0, 9, null, 7.5, 11.0, null);

    assertThat(slide.withTitle("Quarterly deck"))
        .isEqualTo(
            new Chunk("d1", "Quarterly deck", 3, "Revenue grew", 10, 22, 2, null, null, "slide 2"));
    assertThat(clip.withTitle("jfk.wav"))
        .isEqualTo(new Chunk("d2", "jfk.wav", 0, "we choose", 0, 9, null, 7.5, 11.0, null));
  }
}

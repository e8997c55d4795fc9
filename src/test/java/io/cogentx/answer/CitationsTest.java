package io.cogentx.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CitationsTest {

  @Test
  void findsSingleListedAndAdjacentMarkersWithinRange() {
    assertThat(Citations.in("A [2]. B [1, 3]. C [3][4]. D [9]. E [0].", 4))
        .containsExactly(1, 2, 3, 4);
  }

  @Test
  void ignoresBracketsThatAreNotMarkers() {
    assertThat(Citations.in("see [a] or [1a] or [] or [12345]", 5)).isEmpty();
  }
}

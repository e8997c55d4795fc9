package io.cogentx.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

  private static ByteRange part(String header, long size) {
    return ((ByteRange.Part) ByteRange.of(header, size)).range();
  }

  @Test
  void firstLastSuffixAndOpenEndedRanges() {
    assertThat(part("bytes=0-499", 1000)).isEqualTo(new ByteRange(0, 499));
    assertThat(part("bytes=500-", 1000)).isEqualTo(new ByteRange(500, 999));
    assertThat(part("bytes=-100", 1000)).isEqualTo(new ByteRange(900, 999));
    assertThat(part("bytes=-5000", 1000)).isEqualTo(new ByteRange(0, 999));
    assertThat(part("bytes=990-5000", 1000)).isEqualTo(new ByteRange(990, 999));
    assertThat(part("bytes=5-9", 1000).length()).isEqualTo(5);
    assertThat(part("bytes=5-9", 1000).contentRange(1000)).isEqualTo("bytes 5-9/1000");
  }

  @Test
  void outsideTheFileIsUnsatisfiable() {
    assertThat(ByteRange.of("bytes=1000-", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
    assertThat(ByteRange.of("bytes=-0", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
    assertThat(ByteRange.of("bytes=0-", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
  }

  @Test
  void whatIsNotOneValidRangeGetsTheWholeFile() {
    assertThat(ByteRange.of(null, 10)).isInstanceOf(ByteRange.Whole.class);
    assertThat(ByteRange.of("bytes=0-1,5-6", 10)).isInstanceOf(ByteRange.Whole.class);
    assertThat(ByteRange.of("items=0-1", 10)).isInstanceOf(ByteRange.Whole.class);
    assertThat(ByteRange.of("bytes=9-3", 10)).isInstanceOf(ByteRange.Whole.class);
    assertThat(ByteRange.of("bytes=-", 10)).isInstanceOf(ByteRange.Whole.class);
    assertThat(ByteRange.of("bytes=99999999999999999999-", 10)).isInstanceOf(ByteRange.Whole.class);
  }
}

package io.cogentx.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of {@code Range} header parsing: any header against any file size gives
 * the whole file, a part that lies inside the file, or 416; never an exception.
 */
class ByteRangeFuzzTest {

  @FuzzTest(maxDuration = "8s")
  void anyRangeIsWholePartOrUnsatisfiable(FuzzedDataProvider data) {
    long size = data.consumeLong(0, Long.MAX_VALUE / 2);
    String header = data.consumeRemainingAsString();
    ByteRange.Request request = ByteRange.of(header, size);
    if (request instanceof ByteRange.Part part) {
      assertThat(part.range().first()).isBetween(0L, size - 1);
      assertThat(part.range().last()).isBetween(part.range().first(), size - 1);
      assertThat(part.range().length()).isPositive();
    }
  }
}

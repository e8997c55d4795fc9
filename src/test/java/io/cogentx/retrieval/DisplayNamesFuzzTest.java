package io.cogentx.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of what is kept of a client's file name and title: bounded, one path
 * element, no control or bidirectional-override characters, never an exception.
 */
class DisplayNamesFuzzTest {

  @FuzzTest(maxDuration = "8s")
  void anyNameIsKeptSafeOrDropped(String raw) {
    String name = DisplayNames.fileName(raw);
    if (name != null) {
      assertThat(name.codePointCount(0, name.length()))
          .isLessThanOrEqualTo(DisplayNames.MAX_FILE_NAME);
      assertThat(name).doesNotContain("/", "\\", "\u0000", "\u202E", "\n").isNotBlank();
      assertThat(name).isNotIn(".", "..");
    }
    String title = DisplayNames.title(raw);
    if (title != null) {
      assertThat(title.codePointCount(0, title.length()))
          .isLessThanOrEqualTo(DisplayNames.MAX_TITLE);
      assertThat(title).doesNotContain("\u0000", "\u202E", "\r").isNotBlank();
    }
  }
}

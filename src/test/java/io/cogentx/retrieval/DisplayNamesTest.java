package io.cogentx.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayNamesTest {

  @Test
  void onlyTheLastPathElementIsKept() {
    assertThat(DisplayNames.fileName("../../etc/passwd")).isEqualTo("passwd");
    assertThat(DisplayNames.fileName("C:\\Users\\me\\notes.txt")).isEqualTo("notes.txt");
    assertThat(DisplayNames.fileName("..")).isNull();
    assertThat(DisplayNames.fileName("dir/")).isNull();
  }

  @Test
  void controlAndBidiCharactersAreDropped() {
    assertThat(DisplayNames.fileName("a\u0000b\r\nc.pdf")).isEqualTo("ab  c.pdf");
    assertThat(DisplayNames.fileName("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
    assertThat(DisplayNames.title("\u2067Title\u2069 \u0007")).isEqualTo("Title");
    assertThat(DisplayNames.title("  \u0000 ")).isNull();
    assertThat(DisplayNames.fileName("Привет 😀.md")).isEqualTo("Привет 😀.md");
  }

  @Test
  void longNamesAreShortenedKeepingTheExtension() {
    String name = DisplayNames.fileName("a".repeat(10_000) + ".pdf");
    assertThat(name).hasSize(DisplayNames.MAX_FILE_NAME).endsWith("….pdf").startsWith("aaa");
    String title = DisplayNames.title("t".repeat(100_000));
    assertThat(title.length()).isEqualTo(DisplayNames.MAX_TITLE);
    String emoji = DisplayNames.fileName("😀".repeat(300));
    assertThat(emoji.codePointCount(0, emoji.length())).isEqualTo(DisplayNames.MAX_FILE_NAME);
  }
}

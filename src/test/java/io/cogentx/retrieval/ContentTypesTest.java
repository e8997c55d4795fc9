package io.cogentx.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentTypesTest {

  private final ContentTypes types = new ContentTypes();
  @TempDir Path dir;

  private String detect(String content, String name) throws Exception {
    Path file = Files.createTempFile(dir, "f", ".bin");
    Files.write(file, content.getBytes(StandardCharsets.ISO_8859_1));
    return types.detect(file, name);
  }

  @Test
  void theBytesWinOverTheName() throws Exception {
    assertThat(detect("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj", "report.txt"))
        .isEqualTo("application/pdf");
    assertThat(detect("\u0089PNG\r\n\u001a\n\0\0\0\rIHDR", "notes.txt")).isEqualTo("image/png");
    assertThat(detect("RIFF\u0024\u0000\u0000\u0000WAVEfmt ", "x.mp3")).isEqualTo("audio/vnd.wave");
  }

  @Test
  void theNameRefinesWhatTheBytesSay() throws Exception {
    assertThat(detect("# Title\n\nSome *markdown*.", "guide.md")).isEqualTo("text/markdown");
    assertThat(detect("a,b\n1,2\n", "table.csv")).isEqualTo("text/csv");
    assertThat(detect("Plain notes about PDF files.", "notes.txt")).isEqualTo("text/plain");
  }

  @Test
  void textIsToldFromBinary() throws Exception {
    Path note = Files.writeString(dir.resolve("note"), "Grüße: a note that mentions %PDF-1.4.\n");
    ContentTypes.Detection d = types.detection(note, "note.txt");
    assertThat(d.textual()).isTrue();
    assertThat(d.byName()).isEqualTo("text/plain");
    assertThat(types.isText(d.byName())).isTrue();
    Path pdf =
        Files.write(
            dir.resolve("pdf"),
            "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(types.detection(pdf, "x.txt").textual()).isFalse();
    byte[] big = new byte[20_000]; // binary after a text-like start, past the window
    System.arraycopy("%PDF-1.4\n%".getBytes(StandardCharsets.ISO_8859_1), 0, big, 0, 10);
    big[10] = (byte) 0xd3;
    big[11] = (byte) 0xeb;
    assertThat(types.detection(Files.write(dir.resolve("big"), big), "x.txt").textual()).isFalse();
    byte[] cut = ("a" + "é".repeat(ContentTypes.TEXT_WINDOW)).getBytes(StandardCharsets.UTF_8);
    assertThat(types.detection(Files.write(dir.resolve("cut"), cut), "x.txt").textual())
        .as("UTF-8 text whose window ends inside a character")
        .isTrue();
    assertThat(types.isText("application/pdf")).isFalse();
  }

  @Test
  void declaredTypesAreNormalisedAndAliasesResolved() {
    assertThat(types.normalise("Text/Plain; charset=UTF-8")).isEqualTo("text/plain");
    assertThat(types.normalise("audio/wav")).isEqualTo("audio/vnd.wave");
    assertThat(types.normalise("application/octet-stream")).isNull();
    assertThat(types.normalise("")).isNull();
    assertThat(types.normalise("not a type")).isNull();
  }

  @Test
  void aTypeSpecialisesItsSupertypes() {
    assertThat(types.lineage("text/csv")).containsExactly("text/csv", "text/plain");
    assertThat(types.lineage("application/pdf")).containsExactly("application/pdf");
  }
}

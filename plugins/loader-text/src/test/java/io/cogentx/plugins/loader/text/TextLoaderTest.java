package io.cogentx.plugins.loader.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentException.Reason;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.LoadResult;
import io.cogentx.spi.Progress;
import io.cogentx.spi.contract.Loads;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextLoaderTest {

  private final TextLoader loader = new TextLoader();

  private static LoadRequest request(byte[] bytes, String name) {
    return Loads.request(bytes, name, "text/plain");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void readsUtf8WithoutBomAndHasNoTitle() throws DocumentException {
    CollectingSink sink = new CollectingSink();
    LoadResult result =
        loader.load(
            request("Naïve café — 東京 ✓".getBytes(StandardCharsets.UTF_8), "a.txt"), sink, sink);

    assertThat(sink.texts()).containsExactly("Naïve café — 東京 ✓");
    assertThat(result.title()).isNull();
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void dropsUtf8ByteOrderMark() throws DocumentException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    CollectingSink sink = new CollectingSink();
    loader.load(
        request(concat(bom, "Grüße".getBytes(StandardCharsets.UTF_8)), "a.txt"), sink, sink);

    assertThat(sink.texts()).containsExactly("Grüße");
  }

  @Test
  void readsUtf16WithByteOrderMarkInBothByteOrders() throws DocumentException {
    byte[] le =
        concat(
            new byte[] {(byte) 0xFF, (byte) 0xFE}, "café\r\n".getBytes(StandardCharsets.UTF_16LE));
    byte[] be =
        concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "café".getBytes(StandardCharsets.UTF_16BE));
    CollectingSink sinkLe = new CollectingSink();
    CollectingSink sinkBe = new CollectingSink();
    loader.load(request(le, "le.txt"), sinkLe, sinkLe);
    loader.load(request(be, "be.txt"), sinkBe, sinkBe);

    assertThat(sinkLe.texts()).containsExactly("café");
    assertThat(sinkBe.texts()).containsExactly("café");
  }

  @Test
  void fallsBackToWindows1252WithAWarningWhenNotUtf8() throws DocumentException {
    byte[] cp1252 = {'c', 'a', 'f', (byte) 0xE9, ' ', (byte) 0x93, 'o', 'k', (byte) 0x94};
    CollectingSink sink = new CollectingSink();
    LoadResult result = loader.load(request(cp1252, "legacy.txt"), sink, sink);

    assertThat(sink.texts()).containsExactly("café “ok”");
    assertThat(result.warnings()).singleElement().asString().contains("Windows-1252");
  }

  @Test
  void rejectsBinaryWithNulBytes() {
    byte[] bytes = {'a', 'b', 0, 1, 2, 3, 'c'};

    assertThatThrownBy(
            () -> loader.load(request(bytes, "blob.txt"), new CollectingSink(), Progress.NONE))
        .isInstanceOfSatisfying(
            DocumentException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT))
        .hasMessageStartingWith("This file looks binary, not text:")
        .hasMessageContaining("blob.txt");
  }

  @Test
  void rejectsControlCharacterSoupWithoutNulBytes() {
    byte[] bytes = new byte[400];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i % 2 == 0 ? 'x' : 0x01 + i % 7);
    }

    assertThatThrownBy(
            () -> loader.load(request(bytes, "x.log"), new CollectingSink(), Progress.NONE))
        .isInstanceOfSatisfying(
            DocumentException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT));
  }

  @Test
  void namesTheRealFormatOfAPdfRenamedToTxt() {
    byte[] pdf = "%PDF-1.7\n1 0 obj\n<< >>\nendobj\n".getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(
            () -> loader.load(request(pdf, "report.txt"), new CollectingSink(), Progress.NONE))
        .isInstanceOf(DocumentException.class)
        .hasMessageContaining("PDF");
  }

  @Test
  void rejectsEmptyAndWhitespaceOnlyFiles() {
    for (byte[] bytes : new byte[][] {{}, " \n\t\r\n  \n".getBytes(StandardCharsets.UTF_8)}) {
      assertThatThrownBy(
              () -> loader.load(request(bytes, "empty.txt"), new CollectingSink(), Progress.NONE))
          .isInstanceOfSatisfying(
              DocumentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EMPTY));
    }
  }

  @Test
  void emitsOneSegmentPerParagraphWithNormalisedLineEndings() throws DocumentException {
    String text =
        "\n\nFirst paragraph,\r\nsecond line.  \r\n\r\nSecond\rparagraph.\n \t \nThird.\n\n";
    CollectingSink sink = new CollectingSink();
    loader.load(request(text.getBytes(StandardCharsets.UTF_8), "p.txt"), sink, sink);

    assertThat(sink.texts())
        .containsExactly("First paragraph,\nsecond line.", "Second\nparagraph.", "Third.");
  }

  @Test
  void stopsWhenTheUserCancels() throws DocumentException {
    CollectingSink sink = new CollectingSink(2);
    loader.load(request("a\n\nb\n\nc\n\nd".getBytes(StandardCharsets.UTF_8), "p.txt"), sink, sink);

    assertThat(sink.texts()).containsExactly("a", "b");
  }

  @Test
  void claimsPlainTextTypes() {
    assertThat(loader.mediaTypes()).contains("text/plain");
    assertThat(loader.fileExtensions()).contains("txt", "log").doesNotContain("md");
  }
}

package io.cogentx.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentSnifferTest {

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void aPdfHeaderIsRecognisedAtTheStart() {
    assertThat(ContentSniffer.sniff(bytes("%PDF-1.7\n%\u00e2\u00e3"))).contains("application/pdf");
    assertThat(ContentSniffer.sniff(bytes("\r\n%PDF-1.4"))).contains("application/pdf");
  }

  @Test
  void textAndOtherFormatsAreNotGuessed() {
    assertThat(ContentSniffer.sniff(bytes("Plain notes about PDF files."))).isEmpty();
    assertThat(ContentSniffer.sniff(bytes("A PDF starts with %PDF-1.4"))).isEmpty();
    assertThat(ContentSniffer.sniff(bytes("\u0089PNG\r\n"))).isEmpty();
    assertThat(ContentSniffer.sniff(new byte[0])).isEmpty();
  }
}

package io.cogentx.plugins.loader.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentException.Reason;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Encrypted PDFs: asked for a password, read with the right one, told when it is wrong. */
class PasswordTest {

  @Test
  void withoutPasswordTheUserIsAskedForIt() {
    assertThatThrownBy(() -> SamplePdfs.load("libreoffice-writer-password.pdf"))
        .isInstanceOfSatisfying(
            DocumentException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.PASSWORD_REQUIRED);
              assertThat(e.getMessage()).startsWith("This PDF is password-protected");
            });
  }

  @Test
  void rc4DocumentOpensWithItsUserPassword() throws Exception {
    SamplePdfs.Loaded loaded =
        SamplePdfs.load("libreoffice-writer-password.pdf", Map.of("password", "openpassword"));
    assertThat(loaded.flatText()).contains("Lorem ipsum");
  }

  @Test
  void aes256DocumentOpensWithItsUserPassword() throws Exception {
    SamplePdfs.Loaded loaded =
        SamplePdfs.load("crazyones-encrypted-256.pdf", Map.of("password", "password"));
    // the file itself has no apostrophe glyph: "Heres" is what every extractor reads
    assertThat(loaded.flatText())
        .contains("The Crazy Ones October 14, 1998 Heres to the crazy ones.");
  }

  @Test
  void aWrongPasswordIsReportedAsWrong() {
    assertThatThrownBy(
            () -> SamplePdfs.load("crazyones-encrypted-256.pdf", Map.of("password", "Password")))
        .isInstanceOfSatisfying(
            DocumentException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.PASSWORD_REQUIRED);
              assertThat(e.getMessage()).contains("password given for this PDF is wrong");
            });
  }

  @Test
  void anOwnerPasswordAloneDoesNotStopReading() throws Exception {
    assertThat(SamplePdfs.load("r6-owner-password.pdf").flatText())
        .contains("pdf encryption test password: asdfzxcv");
  }
}

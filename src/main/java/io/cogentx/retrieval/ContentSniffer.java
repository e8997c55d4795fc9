package io.cogentx.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The media type a file's first bytes prove, whatever its name or declared type says: a PDF named
 * {@code report.txt} is still read as a PDF. Only signatures that cannot be mistaken are used (a
 * text that merely mentions "%PDF-" is not one).
 */
public final class ContentSniffer {

  /** Bytes read to decide. */
  static final int WINDOW = 64;

  private ContentSniffer() {}

  public static Optional<String> sniff(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return sniff(in.readNBytes(WINDOW));
    }
  }

  static Optional<String> sniff(byte[] head) {
    String ascii = new String(head, StandardCharsets.ISO_8859_1).stripLeading();
    if (ascii.startsWith("%PDF-")) {
      return Optional.of("application/pdf");
    }
    return Optional.empty();
  }
}

package io.cogentx.plugins.loader.pdf;

import java.nio.charset.StandardCharsets;

/**
 * Recognises PDF content by its {@code %PDF-} header, which the format allows anywhere in the first
 * 1024 bytes. For content sniffing by the server; the loader itself relies on PDFBox.
 */
public final class PdfSignature {

  /** How many leading bytes {@link #isPdf(byte[], int)} needs to see. */
  public static final int HEADER_WINDOW = 1024;

  private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

  private PdfSignature() {}

  /**
   * True when {@code %PDF-} occurs in the first {@code length} (at most 1024) bytes of {@code
   * head}.
   */
  public static boolean isPdf(byte[] head, int length) {
    int limit = Math.min(Math.min(length, head.length), HEADER_WINDOW) - MAGIC.length;
    for (int i = 0; i <= limit; i++) {
      int j = 0;
      while (j < MAGIC.length && head[i + j] == MAGIC[j]) {
        j++;
      }
      if (j == MAGIC.length) {
        return true;
      }
    }
    return false;
  }

  /** True when {@code %PDF-} occurs in the first 1024 bytes of {@code head}. */
  public static boolean isPdf(byte[] head) {
    return isPdf(head, head.length);
  }
}

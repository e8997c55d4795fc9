package io.cogentx.plugins.loader.text;

/**
 * Recognises the first bytes of common binary formats that users mistake for text (a PDF or Word
 * file renamed to .txt), so the error can say what the file really is.
 */
final class BinarySignature {

  private BinarySignature() {}

  /** What the bytes look like, e.g. {@code "a PDF document"}, or {@code null} when unknown. */
  static String describe(byte[] b) {
    if (TextDecoder.startsWith(b, '%', 'P', 'D', 'F', '-')) {
      return "a PDF document";
    }
    if (TextDecoder.startsWith(b, 'P', 'K', 0x03, 0x04)) {
      return "a ZIP archive (Word, Excel and OpenDocument files are ZIP archives)";
    }
    if (TextDecoder.startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)) {
      return "an old Microsoft Office document";
    }
    if (TextDecoder.startsWith(b, 0x89, 'P', 'N', 'G')) {
      return "a PNG image";
    }
    if (TextDecoder.startsWith(b, 0xFF, 0xD8, 0xFF)) {
      return "a JPEG image";
    }
    if (TextDecoder.startsWith(b, 'G', 'I', 'F', '8')) {
      return "a GIF image";
    }
    if (TextDecoder.startsWith(b, 0x7F, 'E', 'L', 'F')) {
      return "a program (ELF executable)";
    }
    if (TextDecoder.startsWith(b, 0x1F, 0x8B)) {
      return "a gzip archive";
    }
    return null;
  }
}

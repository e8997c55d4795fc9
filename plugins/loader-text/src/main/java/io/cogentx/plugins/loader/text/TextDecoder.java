package io.cogentx.plugins.loader.text;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the bytes of an uploaded text file into a string: honours a UTF-8/16/32 byte order mark,
 * otherwise reads strict UTF-8 and falls back to Windows-1252 with a warning; rejects content that
 * looks binary or holds no text; normalises line endings to {@code \n}.
 */
final class TextDecoder {

  /** The decoded text and what the user should know about how it was read. */
  record Decoded(String text, List<String> warnings) {
    Decoded {
      warnings = List.copyOf(warnings);
    }
  }

  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** How many leading characters the control-character test looks at. */
  private static final int SAMPLE_CHARS = 64 * 1024;

  private TextDecoder() {}

  /**
   * Decodes {@code bytes}.
   *
   * @param fileName the user's file name, only for messages
   * @throws DocumentException {@code UNSUPPORTED_FORMAT} for binary content, {@code EMPTY} when
   *     there is no text
   */
  static Decoded decode(byte[] bytes, String fileName) throws DocumentException {
    String kind = BinarySignature.describe(bytes);
    if (kind != null) {
      throw binary(fileName, "it starts like " + kind);
    }
    List<String> warnings = new ArrayList<>();
    Bom bom = Bom.of(bytes);
    String text;
    if (bom != null && !bom.charset().equals(StandardCharsets.UTF_8)) {
      text = decodeWithBom(bytes, bom, warnings);
    } else {
      int offset = bom == null ? 0 : bom.length();
      if (indexOfNul(bytes, offset) >= 0) {
        throw binary(fileName, "it contains NUL bytes");
      }
      text = decodeUtf8OrWindows1252(bytes, offset, bom != null, warnings);
    }
    if (looksBinary(text)) {
      throw binary(fileName, "it is full of control characters");
    }
    text = normaliseLineEndings(text);
    if (text.isBlank()) {
      throw new DocumentException(
          Reason.EMPTY,
          "This file has no text: " + quoted(fileName) + " is empty or holds only white space.");
    }
    return new Decoded(text, warnings);
  }

  private static String decodeWithBom(byte[] bytes, Bom bom, List<String> warnings) {
    ByteBuffer in = ByteBuffer.wrap(bytes, bom.length(), bytes.length - bom.length());
    try {
      return strict(bom.charset()).decode(in).toString();
    } catch (CharacterCodingException e) {
      warnings.add(
          "Some bytes are not valid "
              + bom.charset().name()
              + " although the file says it is; they were replaced by \uFFFD.");
      return new String(bytes, bom.length(), bytes.length - bom.length(), bom.charset());
    }
  }

  private static String decodeUtf8OrWindows1252(
      byte[] bytes, int offset, boolean hasBom, List<String> warnings) {
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    try {
      return strict(StandardCharsets.UTF_8).decode(in).toString();
    } catch (CharacterCodingException e) {
      if (hasBom) {
        warnings.add(
            "Some bytes are not valid UTF-8 although the file says it is; they were replaced by"
                + " \uFFFD.");
        return new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
      }
      warnings.add(
          "The file is not valid UTF-8, so it was read as Windows-1252 (Western European). If"
              + " characters look wrong, save it as UTF-8 and upload it again.");
      return new String(bytes, offset, bytes.length - offset, WINDOWS_1252);
    }
  }

  private static java.nio.charset.CharsetDecoder strict(Charset charset) {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  private static int indexOfNul(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * True when more than 2 % of the first characters are C0 controls other than tab, line feed,
   * carriage return, vertical tab, form feed and escape (kept for coloured logs).
   */
  static boolean looksBinary(String text) {
    int sample = Math.min(text.length(), SAMPLE_CHARS);
    int controls = 0;
    for (int i = 0; i < sample; i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x0B && c != '\f' && c != 0x1B) {
        controls++;
      }
    }
    return controls > 2 + sample / 50;
  }

  /** Replaces CRLF and lone CR with LF and drops a leading U+FEFF; linear. */
  static String normaliseLineEndings(String text) {
    int start = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
    if (text.indexOf('\r') < 0) {
      return text.substring(start);
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r') {
        out.append('\n');
        if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static DocumentException binary(String fileName, String detail) {
    return new DocumentException(
        Reason.UNSUPPORTED_FORMAT,
        "This file looks binary, not text: "
            + quoted(fileName)
            + " cannot be read as text because "
            + detail
            + ". Upload it in its real format (for example as .pdf), or save it as plain text"
            + " (UTF-8) first.");
  }

  private static String quoted(String fileName) {
    return fileName == null || fileName.isBlank() ? "the upload" : "\"" + fileName + "\"";
  }

  /** A byte order mark: its charset and length in bytes. */
  private record Bom(Charset charset, int length) {

    static Bom of(byte[] b) {
      if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
        return new Bom(StandardCharsets.UTF_8, 3);
      }
      if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
        return new Bom(Charset.forName("UTF-32LE"), 4);
      }
      if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
        return new Bom(Charset.forName("UTF-32BE"), 4);
      }
      if (startsWith(b, 0xFF, 0xFE)) {
        return new Bom(StandardCharsets.UTF_16LE, 2);
      }
      if (startsWith(b, 0xFE, 0xFF)) {
        return new Bom(StandardCharsets.UTF_16BE, 2);
      }
      return null;
    }
  }

  static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}

package io.cogentx.plugins.loader.pdf;

import java.text.Normalizer;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDSimpleFont;
import org.apache.pdfbox.pdmodel.font.encoding.Encoding;
import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;
import org.apache.pdfbox.text.TextPosition;

/**
 * The Unicode text of a glyph, repaired where PDFBox has none: fonts often lack a mapping for
 * ligature glyphs such as {@code f_i}, and PDFBox then reports the raw character code (a control
 * character), which would turn "filing" into "\u001fling". The glyph name is used instead.
 * Compatibility characters (ligatures, Arabic presentation forms) are decomposed with NFKC.
 */
final class UnicodeRepair {

  private UnicodeRepair() {}

  /** The text of {@code position}, or an empty string when nothing readable can be found. */
  static String text(TextPosition position) {
    String unicode = position.getUnicode();
    if (unicode == null || unicode.isEmpty() || hasControl(unicode)) {
      unicode = fromGlyphName(position);
    }
    if (unicode.isEmpty()) {
      return unicode;
    }
    return needsCompatibilityDecomposition(unicode)
        ? Normalizer.normalize(unicode, Normalizer.Form.NFKC)
        : unicode;
  }

  private static String fromGlyphName(TextPosition position) {
    PDFont font = position.getFont();
    int[] codes = position.getCharacterCodes();
    if (!(font instanceof PDSimpleFont simple) || codes == null || codes.length == 0) {
      return "";
    }
    Encoding encoding = simple.getEncoding();
    if (encoding == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (int code : codes) {
      out.append(glyphNameToUnicode(encoding.getName(code)));
    }
    return out.toString();
  }

  /** Maps names like {@code f_i}, {@code f_f_l}, {@code uni00660069} or {@code fi} to text. */
  static String glyphNameToUnicode(String name) {
    if (name == null || name.isEmpty() || ".notdef".equals(name)) {
      return "";
    }
    String base = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    StringBuilder out = new StringBuilder();
    for (String part : base.split("_")) {
      String mapped = GlyphList.getAdobeGlyphList().toUnicode(part);
      if (mapped == null || hasControl(mapped)) {
        return "";
      }
      out.append(mapped);
    }
    return out.toString();
  }

  private static boolean hasControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 && c != '\t' || c == 0x7f || c == 0xfffd) {
        return true;
      }
    }
    return false;
  }

  private static boolean needsCompatibilityDecomposition(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0xfb00 && c <= 0xfdff || c >= 0xfe70 && c <= 0xfeff) {
        return true;
      }
    }
    return false;
  }
}

package io.cogentx.plugins.loader.pdf;

/**
 * Glyphs on one baseline without a word gap between them, in visual (left-to-right) order.
 *
 * @param text the glyphs' text in visual order
 * @param x0 left edge
 * @param x1 right edge
 * @param baseline baseline y (grows downwards)
 * @param fontSize the largest font size among the glyphs
 * @param glyphEnds where each glyph's text ends in {@code text}, kept only when the word has
 *     right-to-left characters (for {@link VisualOrder}); otherwise {@code null}
 */
record Word(String text, float x0, float x1, float baseline, float fontSize, int[] glyphEnds) {

  /** Top of the line box: the ascender height of the font size. */
  float top() {
    return baseline - 0.75f * fontSize;
  }

  /** Bottom of the line box: the descender depth of the font size. */
  float bottom() {
    return baseline + 0.25f * fontSize;
  }
}

package io.cogentx.plugins.loader.pdf;

/**
 * One shown character in text-direction coordinates (y grows downwards, {@code baseline} is where
 * the glyph sits).
 *
 * @param text the Unicode text (one or more chars; ligatures are already expanded)
 * @param x left edge
 * @param baseline baseline y
 * @param width advance width
 * @param height glyph height above the baseline
 * @param fontSize font size in points
 * @param space true for a space shown by the content stream (a word break, not drawn)
 * @param direction text direction in degrees (0, 90, 180, 270)
 */
record Glyph(
    String text,
    float x,
    float baseline,
    float width,
    float height,
    float fontSize,
    boolean space,
    int direction) {

  float right() {
    return x + width;
  }
}

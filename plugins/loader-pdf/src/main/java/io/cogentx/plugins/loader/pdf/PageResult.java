package io.cogentx.plugins.loader.pdf;

/**
 * What reading one page gave.
 *
 * @param page 1-based page number
 * @param text the page's text in reading order (possibly empty)
 * @param outcome how the text was obtained, or why there is none
 */
record PageResult(int page, String text, Outcome outcome) {

  enum Outcome {
    /** Text from the text layer (possibly empty for a blank page). */
    TEXT,
    /** The page's content could not be parsed. */
    UNREADABLE,
    /**
     * The page's content is beyond the reader's limits: it decompresses to too much, draws too many
     * glyphs, or nests too deeply.
     */
    TOO_COMPLEX,
    /** Only images, no text layer, and no OCR engine. */
    SCAN_WITHOUT_OCR,
    /** Only images; the text was recognised by OCR. */
    OCR_READ,
    /** Only images; OCR failed or timed out. */
    OCR_FAILED,
    /** Only images; the document's OCR page limit was reached. */
    OCR_OVER_LIMIT
  }
}

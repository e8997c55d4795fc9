package io.cogentx.plugins.loader.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageTree;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads the glyphs of one page with PDFBox's text engine, leaving layout to {@link ReadingOrder}.
 * Overlapping duplicates (fake bold) are dropped and separately drawn accents are merged into their
 * letter. A page is refused (an unchecked {@link TooComplexException}) when it draws more than
 * {@value #MAX_GLYPHS} glyphs or nests graphics states deeper than {@value #MAX_STATE_DEPTH}: both
 * grow memory with every operator, and no real page comes near either. Not thread-safe; one
 * instance per document.
 */
final class PageGlyphReader extends PDFTextStripper {

  /** Most glyphs one page may draw (a dense page has a few thousand). */
  static final int MAX_GLYPHS = 200_000;

  /** Deepest nesting of saved graphics states (PDF's own implementation limit is 28). */
  static final int MAX_STATE_DEPTH = 1_000;

  /** A page whose content would take unbounded memory to read. */
  static final class TooComplexException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooComplexException(String message) {
      super(message, null, false, false);
    }
  }

  private int glyphCount;
  private int stateDepth;

  private final List<TextPosition> positions = new ArrayList<>();
  private final LongSet seen = new LongSet();
  private PDPage target;

  PageGlyphReader() {
    setSortByPosition(false);
    setShouldSeparateByBeads(false);
  }

  /** The glyphs of page {@code pageNumber} (1-based) in content-stream order. */
  List<Glyph> read(PDDocument document, int pageNumber) throws IOException {
    positions.clear();
    seen.clear();
    glyphCount = 0;
    stateDepth = 0;
    target = document.getPage(pageNumber - 1);
    setStartPage(1);
    setEndPage(1);
    try {
      writeText(document, Writer.nullWriter());
    } finally {
      target = null;
    }
    List<Glyph> glyphs = new ArrayList<>(positions.size());
    for (TextPosition p : positions) {
      Glyph glyph = toGlyph(p);
      if (glyph != null) {
        glyphs.add(glyph);
      }
    }
    positions.clear();
    return glyphs;
  }

  /** The page's text direction for each glyph is kept by grouping in {@link ReadingOrder}. */
  static int direction(TextPosition p) {
    return Math.round(p.getDir()) % 360;
  }

  private static Glyph toGlyph(TextPosition p) {
    String text = UnicodeRepair.text(p);
    if (text.isEmpty()) {
      return null;
    }
    float fontSize = p.getFontSizeInPt();
    float height = p.getHeightDir();
    if (!(height > 0) || Float.isInfinite(height)) {
      height = fontSize > 0 ? fontSize * 0.7f : 1f;
    }
    if (!(fontSize > 0) || Float.isInfinite(fontSize)) {
      fontSize = height / 0.7f;
    }
    boolean space = text.isBlank();
    return new Glyph(
        space ? " " : text,
        p.getXDirAdj(),
        p.getYDirAdj(),
        Math.max(0f, p.getWidthDirAdj()),
        height,
        fontSize,
        space,
        direction(p));
  }

  @Override
  public void saveGraphicsState() {
    if (++stateDepth > MAX_STATE_DEPTH) {
      throw new TooComplexException(
          "the page nests graphics states deeper than " + MAX_STATE_DEPTH + " levels");
    }
    super.saveGraphicsState();
  }

  @Override
  public void restoreGraphicsState() {
    stateDepth = Math.max(0, stateDepth - 1);
    super.restoreGraphicsState();
  }

  @Override
  protected void processTextPosition(TextPosition text) {
    if (++glyphCount > MAX_GLYPHS) {
      throw new TooComplexException("the page draws more than " + MAX_GLYPHS + " glyphs");
    }
    String unicode = text.getUnicode();
    long key =
        ((long) (unicode == null ? 0 : unicode.hashCode()) & 0xFF_FFFFL) << 40
            | (Math.round(text.getX() * 2) & 0xF_FFFFL) << 20
            | Math.round(text.getY() * 2) & 0xF_FFFFL;
    if (!seen.add(key)) {
      return; // the same character drawn again at the same place (fake bold, shadows)
    }
    if (!positions.isEmpty()) {
      TextPosition previous = positions.get(positions.size() - 1);
      if (text.isDiacritic() && previous.contains(text)) {
        previous.mergeDiacritic(text);
        return;
      }
      if (previous.isDiacritic() && text.contains(previous)) {
        text.mergeDiacritic(previous);
        positions.set(positions.size() - 1, text);
        return;
      }
    }
    positions.add(text);
  }

  @Override
  protected void writePage() {
    // layout is done by ReadingOrder on the collected glyphs
  }

  /**
   * Processes only the target page. PDFTextStripper walks the whole page tree for every call and
   * skips the pages outside its range, which makes reading a document page by page quadratic.
   */
  @Override
  protected void processPages(PDPageTree pages) throws IOException {
    COSArray kids = new COSArray();
    kids.add(target.getCOSObject());
    COSDictionary onlyTarget = new COSDictionary();
    onlyTarget.setItem(COSName.TYPE, COSName.PAGES);
    onlyTarget.setItem(COSName.KIDS, kids);
    onlyTarget.setInt(COSName.COUNT, 1);
    super.processPages(new PDPageTree(onlyTarget));
  }

  @Override
  public void processPage(PDPage page) throws IOException {
    // the document's own page object, which carries its resource cache (fonts are parsed once)
    super.processPage(new ConcatenatedContentPage(target != null ? target : page));
  }

  /**
   * A view of a page whose content streams are handed to the parser as one in-memory buffer. PDFBox
   * otherwise parses pages with several content streams through a sequence reader whose per-byte
   * seeking dominates extraction time (about a third on the IRS instructions).
   */
  private static final class ConcatenatedContentPage extends PDPage {
    private final PDPage page;

    ConcatenatedContentPage(PDPage page) {
      super(page.getCOSObject());
      this.page = page;
    }

    @Override
    public PDResources getResources() {
      return page.getResources(); // keeps the document's resource cache (fonts parsed once)
    }

    @Override
    public RandomAccessRead getContentsForStreamParsing() throws IOException {
      try (InputStream in = page.getContents()) {
        return new ByteArrayContent(in.readAllBytes());
      }
    }
  }
}

package io.cogentx.plugins.loader.office;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The sheet names of an OpenDocument spreadsheet, or the number of pages of a presentation, read
 * from its {@code content.xml}: Tika writes each sheet as a table and each page as a block but
 * drops their names, so {@link Structure} takes them from here, in the same order.
 *
 * @param sheets the spreadsheet's sheet names, in order (empty for other documents)
 * @param slides the presentation's page count (0 for other documents)
 */
record OdfOutline(List<String> sheets, int slides) {

  static final OdfOutline NONE = new OdfOutline(List.of(), 0);

  private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
  private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
  private static final String DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";

  /** The outline of a spreadsheet or presentation; {@link #NONE} for anything else or on error. */
  static OdfOutline of(Path file, String mediaType) {
    boolean sheets = mediaType.endsWith(".spreadsheet");
    boolean slides = mediaType.endsWith(".presentation");
    if (!sheets && !slides) {
      return NONE;
    }
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry content = zip.getEntry("content.xml");
      if (content == null) {
        return NONE;
      }
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      List<String> names = new ArrayList<>();
      int[] pages = {0};
      try (InputStream in = zip.getInputStream(content)) {
        factory
            .newSAXParser()
            .parse(
                in,
                new DefaultHandler() {
                  private int depth;
                  private int bodyDepth = -1;

                  @Override
                  public void startElement(String uri, String local, String q, Attributes a) {
                    depth++;
                    if (OFFICE.equals(uri)
                        && (local.equals("spreadsheet") || local.equals("presentation"))) {
                      bodyDepth = depth;
                    } else if (bodyDepth > 0 && depth == bodyDepth + 1) {
                      if (TABLE.equals(uri) && local.equals("table")) {
                        names.add(a.getValue(TABLE, "name"));
                      } else if (DRAW.equals(uri) && local.equals("page")) {
                        pages[0]++;
                      }
                    }
                  }

                  @Override
                  public void endElement(String uri, String local, String q) {
                    if (depth == bodyDepth) {
                      bodyDepth = -1;
                    }
                    depth--;
                  }
                });
      }
      return new OdfOutline(sheets ? names : List.of(), slides ? pages[0] : 0);
    } catch (Exception | StackOverflowError e) {
      return NONE;
    }
  }
}

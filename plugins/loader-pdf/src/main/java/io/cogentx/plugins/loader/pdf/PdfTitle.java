package io.cogentx.plugins.loader.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The document's own title: the document information Title, else the XMP {@code dc:title}, when it
 * looks like a title. Producers often store file names ("Binder1.pdf", "10811.exe") or placeholders
 * ("Untitled"); those are ignored so the server falls back to the upload's name.
 */
final class PdfTitle {

  private static final System.Logger LOG = System.getLogger(PdfTitle.class.getName());

  private static final Pattern FILE_NAME =
      Pattern.compile(
          "(?i).*\\.(pdf|docx?|xlsx?|pptx?|odt|rtf|txt|html?|exe|indd|qxd|qxp|tmp|dvi|ps|eps|tex|pm\\d|p65|fm|wpd|ai)$");
  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          "(?i)(untitled.*|no title|title|document\\d*|microsoft word.*|new document|slide \\d+|page \\d+)");

  private PdfTitle() {}

  /** The title, or {@code null} when the metadata has none worth showing. */
  static String of(PDDocument document) {
    String info = clean(document.getDocumentInformation().getTitle());
    if (isSensible(info)) {
      return info;
    }
    String xmp = clean(xmpTitle(document));
    return isSensible(xmp) ? xmp : null;
  }

  static boolean isSensible(String title) {
    if (title == null || title.length() < 2 || title.length() > 300) {
      return false;
    }
    if (FILE_NAME.matcher(title).matches() || PLACEHOLDER.matcher(title).matches()) {
      return false;
    }
    if (title.contains("\\") || title.startsWith("/") || title.matches("(?i)[a-z]:.*")) {
      return false; // a path
    }
    return title.codePoints().anyMatch(Character::isLetter);
  }

  private static String clean(String s) {
    if (s == null) {
      return null;
    }
    String cleaned =
        s.replaceAll("[\\p{Cntrl}\\uFEFF\\uFFFD]", " ").replaceAll("\\s+", " ").strip();
    return cleaned.isEmpty() ? null : cleaned;
  }

  private static String xmpTitle(PDDocument document) {
    PDMetadata metadata = document.getDocumentCatalog().getMetadata();
    if (metadata == null) {
      return null;
    }
    try (InputStream in = metadata.exportXMPMetadata()) {
      DocumentBuilder builder = safeFactory().newDocumentBuilder();
      builder.setErrorHandler(null);
      org.w3c.dom.Document xml = builder.parse(in);
      NodeList titles = xml.getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "title");
      for (int i = 0; i < titles.getLength(); i++) {
        Element title = (Element) titles.item(i);
        NodeList items = title.getElementsByTagNameNS("*", "li");
        String best = null;
        for (int j = 0; j < items.getLength(); j++) {
          Element li = (Element) items.item(j);
          String lang = li.getAttributeNS(XMLConstants.XML_NS_URI, "lang");
          if (best == null || "x-default".equals(lang.toLowerCase(Locale.ROOT))) {
            best = li.getTextContent();
          }
        }
        if (best == null) {
          best = title.getTextContent();
        }
        if (best != null && !best.isBlank()) {
          return best;
        }
      }
    } catch (IOException | SAXException | ParserConfigurationException | RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "Unreadable XMP metadata", e);
    }
    return null;
  }

  private static DocumentBuilderFactory safeFactory() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    return factory;
  }
}

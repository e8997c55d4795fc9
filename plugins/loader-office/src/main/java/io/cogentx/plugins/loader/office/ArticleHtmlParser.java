package io.cogentx.plugins.loader.office;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.XHTMLContentHandler;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Web pages without their site chrome: the page's main content (MediaWiki's article text, the one
 * {@code <article>}, {@code <main>} or {@code role=main}, else the body) with navigation, sidebars,
 * footers, forms, edit links, reference lists and scripts removed, written as XHTML with its
 * headings, paragraphs, lists and tables. Parsed with jsoup, which repairs any HTML as browsers do.
 */
final class ArticleHtmlParser implements Parser {

  private static final long serialVersionUID = 1L;

  private static final Set<MediaType> TYPES =
      Set.of(MediaType.text("html"), MediaType.application("xhtml+xml"));

  /** Where a page's own content is, most specific first. */
  private static final List<String> MAIN_CONTENT =
      List.of("#mw-content-text", "article", "main", "[role=main]", "#content", "#main");

  /** Chrome and apparatus that is not the page's content. */
  private static final String BOILERPLATE =
      String.join(
          ", ",
          "script, style, noscript, template, iframe, svg, canvas, form, button, input, select",
          "textarea, nav, aside, footer, [role=navigation], [role=search], [role=banner]",
          "[role=contentinfo], [role=complementary], [aria-hidden=true], [hidden], .navbox",
          ".vertical-navbox, .sidebar, .mw-editsection, .mw-jump-link, .toc, #toc, .reflist",
          ".references, .mw-references-wrap, sup.reference, .noprint, .catlinks, .printfooter",
          ".mw-indicators, .shortdescription, .navigation-not-searchable, .cookie-banner");

  /** Elements written as they are; everything else is written as its content. */
  private static final Set<String> KEPT =
      Set.of(
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "p",
          "li",
          "dt",
          "dd",
          "blockquote",
          "pre",
          "figcaption",
          "caption",
          "table",
          "tr",
          "td",
          "th",
          "br",
          "b",
          "strong",
          "ul",
          "ol",
          "dl",
          "div");

  /** Elements that start a new block when written as "div" (their content is a block). */
  private static final Set<String> BLOCKISH =
      Set.of("section", "article", "header", "main", "figure", "address", "center", "details");

  @Override
  public Set<MediaType> getSupportedTypes(ParseContext context) {
    return TYPES;
  }

  @Override
  public void parse(
      InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
      throws IOException, SAXException, TikaException {
    Document page = Jsoup.parse(stream, charset(metadata), "");
    if (!page.title().isBlank()) {
      metadata.set(TikaCoreProperties.TITLE, page.title().strip());
    }
    Element content = mainContent(page);
    content.select(BOILERPLATE).remove();
    XHTMLContentHandler xhtml = new XHTMLContentHandler(handler, metadata);
    xhtml.startDocument();
    write(content, xhtml);
    xhtml.endDocument();
  }

  private static Element mainContent(Document page) {
    for (String selector : MAIN_CONTENT) {
      List<Element> found = page.select(selector);
      if (found.size() == 1 && found.get(0).text().length() >= 200) {
        return found.get(0);
      }
    }
    return page.body() != null ? page.body() : page;
  }

  private static void write(Node node, XHTMLContentHandler xhtml) throws SAXException {
    for (Node child : node.childNodes()) {
      if (child instanceof TextNode text) {
        String s = text.getWholeText();
        if (!s.isEmpty()) {
          xhtml.characters(s);
        }
      } else if (child instanceof Element element) {
        String tag = element.normalName();
        String written = KEPT.contains(tag) ? tag : BLOCKISH.contains(tag) ? "div" : null;
        if (written == null) {
          write(element, xhtml);
        } else if (tag.equals("br")) {
          xhtml.characters("\n");
        } else {
          xhtml.startElement(written, new AttributesImpl());
          write(element, xhtml);
          xhtml.endElement(written);
        }
      }
    }
  }

  /** The charset the message or page declared, or null to let jsoup find it (BOM, meta). */
  private static String charset(Metadata metadata) {
    String type = metadata.get(Metadata.CONTENT_TYPE);
    MediaType parsed = type == null ? null : MediaType.parse(type);
    String name = parsed == null ? null : parsed.getParameters().get("charset");
    if (name == null) {
      return null;
    }
    try {
      return Charset.forName(name.toLowerCase(Locale.ROOT).strip()).name();
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }
}

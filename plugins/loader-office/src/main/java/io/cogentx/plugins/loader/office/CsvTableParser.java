package io.cogentx.plugins.loader.office;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.XHTMLContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * CSV and TSV files as a table, however few rows they have: UTF-8 (with or without a byte order
 * mark), else Windows-1252; the delimiter (comma, semicolon, tab or bar) is the one the first line
 * uses most, a tab for TSV; quoted fields as RFC 4180 has them. Read with Apache Commons CSV,
 * record by record.
 */
final class CsvTableParser implements Parser {

  private static final long serialVersionUID = 1L;

  private static final Set<MediaType> TYPES =
      Set.of(MediaType.parse(Formats.CSV), MediaType.parse(Formats.TSV));

  /** Bytes looked at to choose the charset and the delimiter. */
  private static final int SNIFF_BYTES = 64 * 1024;

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  @Override
  public Set<MediaType> getSupportedTypes(ParseContext context) {
    return TYPES;
  }

  @Override
  public void parse(
      InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
      throws IOException, SAXException, TikaException {
    byte[] head = stream.readNBytes(SNIFF_BYTES);
    int bom =
        head.length >= 3
                && (head[0] & 0xff) == 0xef
                && (head[1] & 0xff) == 0xbb
                && (head[2] & 0xff) == 0xbf
            ? 3
            : 0;
    Charset charset = isUtf8(head, bom) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    String type = metadata.get(Metadata.CONTENT_TYPE);
    char delimiter =
        type != null && type.startsWith(Formats.TSV)
            ? '\t'
            : delimiter(new String(head, bom, head.length - bom, charset));
    InputStream all =
        new SequenceInputStream(new ByteArrayInputStream(head, bom, head.length - bom), stream);
    XHTMLContentHandler xhtml = new XHTMLContentHandler(handler, metadata);
    xhtml.startDocument();
    xhtml.startElement("table");
    try (Reader reader = new InputStreamReader(all, charset);
        CSVParser records =
            CSVFormat.RFC4180.builder().setDelimiter(delimiter).get().parse(reader)) {
      for (CSVRecord record : records) {
        xhtml.startElement("tr");
        for (String value : record) {
          xhtml.element("td", value);
        }
        xhtml.endElement("tr");
      }
    } catch (java.io.UncheckedIOException e) {
      throw new TikaException("The table could not be read: " + e.getCause().getMessage(), e);
    }
    xhtml.endElement("table");
    xhtml.endDocument();
  }

  private static boolean isUtf8(byte[] head, int from) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(head, from, trimmedLength(head) - from));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** The length without a UTF-8 sequence cut off by the sniffing window. */
  private static int trimmedLength(byte[] head) {
    int end = head.length;
    for (int back = 1; back <= 3 && end - back >= 0; back++) {
      int b = head[end - back] & 0xff;
      if (b >= 0xc0) {
        return end - back; // a lead byte whose sequence may be incomplete
      }
      if (b < 0x80) {
        break;
      }
    }
    return end;
  }

  private static char delimiter(String text) {
    int newline = text.indexOf('\n');
    String first = newline < 0 ? text : text.substring(0, newline);
    char best = ',';
    long most = 0;
    for (char c : new char[] {',', ';', '\t', '|'}) {
      long count = first.chars().filter(ch -> ch == c).count();
      if (count > most) {
        most = count;
        best = c;
      }
    }
    return best;
  }
}

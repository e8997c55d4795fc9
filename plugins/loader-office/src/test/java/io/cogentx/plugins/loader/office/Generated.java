package io.cogentx.plugins.loader.office;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/** Documents made by the tests: OpenDocument files by hand, Word files with Apache POI. */
final class Generated {

  private Generated() {}

  /** A zip whose first entry is {@code mimetype}, stored, as OpenDocument requires. */
  static byte[] odf(String mimetype, Map<String, String> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      byte[] type = mimetype.getBytes(StandardCharsets.US_ASCII);
      ZipEntry first = new ZipEntry("mimetype");
      first.setMethod(ZipEntry.STORED);
      first.setSize(type.length);
      CRC32 crc = new CRC32();
      crc.update(type);
      first.setCrc(crc.getValue());
      zip.putNextEntry(first);
      zip.write(type);
      Map<String, String> all = new LinkedHashMap<>(entries);
      all.putIfAbsent(
          "META-INF/manifest.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest"
              + " xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
              + " manifest:version=\"1.2\"><manifest:file-entry manifest:full-path=\"/\""
              + " manifest:media-type=\""
              + mimetype
              + "\"/><manifest:file-entry manifest:full-path=\"content.xml\""
              + " manifest:media-type=\"text/xml\"/></manifest:manifest>");
      for (Map.Entry<String, String> e : all.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static final String ODF_NS =
      " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
          + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
          + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
          + " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\""
          + " xmlns:presentation=\"urn:oasis:names:tc:opendocument:xmlns:presentation:1.0\""
          + " office:version=\"1.2\"";

  static byte[] ods() {
    String content =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content"
            + ODF_NS
            + "><office:body><office:spreadsheet>"
            + sheet(
                "Revenue", new String[][] {{"Region", "Sales"}, {"North", "120"}, {"South", "95"}})
            + sheet("Costs", new String[][] {{"Item", "Amount"}, {"Rent", "40"}, {"Staff", "300"}})
            + "</office:spreadsheet></office:body></office:document-content>";
    return odf("application/vnd.oasis.opendocument.spreadsheet", Map.of("content.xml", content));
  }

  private static String sheet(String name, String[][] rows) {
    StringBuilder xml = new StringBuilder("<table:table table:name=\"" + name + "\">");
    for (String[] row : rows) {
      xml.append("<table:table-row>");
      for (String cell : row) {
        boolean number = cell.matches("\\d+");
        xml.append("<table:table-cell office:value-type=\"")
            .append(number ? "float\" office:value=\"" + cell : "string")
            .append("\"><text:p>")
            .append(cell)
            .append("</text:p></table:table-cell>");
      }
      xml.append("</table:table-row>");
    }
    return xml.append("</table:table>").toString();
  }

  static byte[] odp() {
    String content =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content"
            + ODF_NS
            + "><office:body><office:presentation>"
            + "<draw:page draw:name=\"page1\"><draw:frame><draw:text-box><text:p>Tidal power"
            + " overview</text:p></draw:text-box></draw:frame></draw:page>"
            + "<draw:page draw:name=\"page2\"><draw:frame><draw:text-box><text:p>La Rance has"
            + " produced electricity since 1966.</text:p></draw:text-box></draw:frame></draw:page>"
            + "</office:presentation></office:body></office:document-content>";
    return odf("application/vnd.oasis.opendocument.presentation", Map.of("content.xml", content));
  }

  /** A Word document with a heading, a paragraph citing a footnote, and a table. */
  static byte[] docxWithFootnoteAndTable() {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XWPFParagraph heading = doc.createParagraph();
      heading.setStyle("Heading1");
      heading.createRun().setText("Tidal power");
      XWPFFootnote note = doc.createFootnote();
      note.createParagraph().createRun().setText("Measured by EDF in 2019.");
      XWPFParagraph text = doc.createParagraph();
      text.createRun().setText("The barrage at La Rance produces 500 GWh a year.");
      text.addFootnoteReference(note);
      XWPFTable table = doc.createTable(3, 2);
      String[][] cells = {{"Plant", "Capacity"}, {"La Rance", "240 MW"}, {"Sihwa", "254 MW"}};
      for (int r = 0; r < 3; r++) {
        for (int c = 0; c < 2; c++) {
          table.getRow(r).getCell(c).setText(cells[r][c]);
        }
      }
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A Word document whose text part is {@code megabytes} MB of the same few words: it zips to a few
   * kilobytes, a ratio no real document has.
   */
  static byte[] docxBomb(int megabytes) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      put(
          zip,
          "[Content_Types].xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default"
              + " Extension=\"rels\""
              + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default"
              + " Extension=\"xml\" ContentType=\"application/xml\"/><Override"
              + " PartName=\"/word/document.xml\""
              + " ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
      put(
          zip,
          "_rels/.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
              + " Id=\"rId1\""
              + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
              + " Target=\"word/document.xml\"/></Relationships>");
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      write(
          zip,
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document"
              + " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
      byte[] paragraph =
          ("<w:p><w:r><w:t>" + "all work and no play ".repeat(40) + "</w:t></w:r></w:p>")
              .getBytes(StandardCharsets.UTF_8);
      long target = megabytes * 1024L * 1024L;
      for (long written = 0; written < target; written += paragraph.length) {
        zip.write(paragraph);
      }
      write(zip, "</w:body></w:document>");
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** An OpenDocument text whose content is {@code megabytes} MB of repeated paragraphs. */
  static byte[] odtBomb(int megabytes) {
    StringBuilder body = new StringBuilder(megabytes * 1024 * 1024 + 1024);
    String paragraph = "<text:p>" + "all work and no play ".repeat(40) + "</text:p>";
    while (body.length() < megabytes * 1024L * 1024L) {
      body.append(paragraph);
    }
    String content =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content"
            + ODF_NS
            + "><office:body><office:text>"
            + body
            + "</office:text></office:body></office:document-content>";
    return odf("application/vnd.oasis.opendocument.text", Map.of("content.xml", content));
  }

  private static void put(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    write(zip, text);
    zip.closeEntry();
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * An e-mail with a text attachment and an attached e-mail that has a CSV attachment of its own.
   */
  static byte[] nestedEmail() {
    String inner =
        String.join(
            "\r\n",
            "From: Ann Archer <ann@example.org>",
            "To: Bo Baker <bo@example.org>",
            "Subject: Tide tables",
            "Date: Mon, 3 Jun 2024 09:00:00 +0000",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"inner\"",
            "",
            "--inner",
            "Content-Type: text/plain; charset=UTF-8",
            "",
            "The tide table for June is attached.",
            "--inner",
            "Content-Type: text/csv; name=\"tides.csv\"",
            "Content-Disposition: attachment; filename=\"tides.csv\"",
            "",
            "day,high water,low water",
            "1 June,06:12,12:30",
            "2 June,06:58,13:17",
            "--inner--",
            "");
    String outer =
        String.join(
            "\r\n",
            "From: Cy Clark <cy@example.org>",
            "To: Dee Dunn <dee@example.org>",
            "Subject: Fwd: Tide tables",
            "Date: Tue, 4 Jun 2024 10:00:00 +0000",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"outer\"",
            "",
            "--outer",
            "Content-Type: text/plain; charset=UTF-8",
            "",
            "Forwarding Ann's message, and my notes.",
            "--outer",
            "Content-Type: text/plain; charset=UTF-8; name=\"notes.txt\"",
            "Content-Disposition: attachment; filename=\"notes.txt\"",
            "",
            "Bring the blue buckets to the harbour.",
            "--outer",
            "Content-Type: message/rfc822; name=\"tides.eml\"",
            "Content-Disposition: attachment; filename=\"tides.eml\"",
            "",
            inner,
            "--outer--",
            "");
    return outer.getBytes(StandardCharsets.UTF_8);
  }
}

package io.cogentx.plugins.loader.pdf.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * Hostile PDFs, made with PDFBox in the test: decompression bombs, pages that draw without end,
 * nesting far past any real document, cycles, and very long documents. Each is small on disk. Used
 * by this module's tests and by the server's integration tests (test-jar).
 */
public final class HostilePdfs {

  private HostilePdfs() {}

  /**
   * A page whose content stream (Flate) inflates to {@code megabytes} MB of spaces, then a page
   * with {@code text}.
   */
  public static byte[] flateBombThenText(int megabytes, String text) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage bomb = new PDPage();
      bomb.getCOSObject().setItem(COSName.CONTENTS, spaces(doc, megabytes));
      doc.addPage(bomb);
      doc.addPage(textPage(doc, text));
      return save(doc);
    }
  }

  /** {@code pages} pages sharing one content stream that inflates to {@code megabytes} MB. */
  public static byte[] sharedFlateBomb(int pages, int megabytes) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      COSStream bomb = spaces(doc, megabytes);
      for (int i = 0; i < pages; i++) {
        PDPage page = new PDPage();
        page.getCOSObject().setItem(COSName.CONTENTS, bomb);
        doc.addPage(page);
      }
      return save(doc);
    }
  }

  /** A page showing {@code glyphs} letters (compressed, so the file stays small), then text. */
  public static byte[] glyphFloodThenText(int glyphs, String text) throws IOException {
    StringBuilder content = new StringBuilder("BT /F1 4 Tf 10 700 Td (");
    content.append("A".repeat(glyphs)).append(") Tj ET\n");
    try (PDDocument doc = new PDDocument()) {
      PDPage flood = new PDPage();
      PDResources resources = new PDResources();
      resources.put(COSName.getPDFName("F1"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
      flood.setResources(resources);
      flood.getCOSObject().setItem(COSName.CONTENTS, flate(doc, content.toString()));
      doc.addPage(flood);
      doc.addPage(textPage(doc, text));
      return save(doc);
    }
  }

  /** A page nesting {@code depth} saved graphics states ({@code q}), then text. */
  public static byte[] stateNestingThenText(int depth, String text) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage deep = new PDPage();
      deep.getCOSObject().setItem(COSName.CONTENTS, flate(doc, "q\n".repeat(depth)));
      doc.addPage(deep);
      doc.addPage(textPage(doc, text));
      return save(doc);
    }
  }

  /**
   * A page whose content stream holds an operand of arrays nested {@code depth} deep, then text.
   */
  public static byte[] nestedOperandThenText(int depth, String text) throws IOException {
    String operand = "[".repeat(depth) + "]".repeat(depth);
    try (PDDocument doc = new PDDocument()) {
      PDPage deep = new PDPage();
      deep.getCOSObject().setItem(COSName.CONTENTS, flate(doc, operand + " Tj\n"));
      doc.addPage(deep);
      doc.addPage(textPage(doc, text));
      return save(doc);
    }
  }

  /**
   * A document whose Info dictionary holds arrays nested {@code depth} deep, written by hand
   * (PDFBox itself would not write it).
   */
  public static byte[] nestedObjects(int depth, String text) throws IOException {
    String content = "BT /F1 12 Tf 72 700 Td (" + text + ") Tj ET";
    String nested = "[".repeat(depth) + "]".repeat(depth);
    String[] objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
          + " /Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      "<< /Title (deep) /Deep " + nested + " >>"
    };
    return handWritten(objects, "/Root 1 0 R /Info 6 0 R");
  }

  /** A page tree whose only Pages node lists itself among its kids, beside one real page. */
  public static byte[] cyclicPageTree(String text) throws IOException {
    String content = "BT /F1 12 Tf 72 700 Td (" + text + ") Tj ET";
    String[] objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
          + " /Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    };
    return handWritten(objects, "/Root 1 0 R");
  }

  /** A page drawing a form XObject that draws itself, then a page with text. */
  public static byte[] selfDrawingForm(String text) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      PDFormXObject form = new PDFormXObject(doc);
      form.setBBox(page.getMediaBox());
      PDResources formResources = new PDResources();
      formResources.put(COSName.getPDFName("X1"), form); // draws itself
      form.setResources(formResources);
      try (OutputStream out = form.getContentStream().createOutputStream()) {
        out.write("/X1 Do\n".getBytes(StandardCharsets.US_ASCII));
      }
      PDResources resources = new PDResources();
      resources.put(COSName.getPDFName("X1"), form);
      page.setResources(resources);
      page.getCOSObject().setItem(COSName.CONTENTS, flate(doc, "/X1 Do\n"));
      doc.addPage(page);
      doc.addPage(textPage(doc, text));
      return save(doc);
    }
  }

  /** {@code pages} pages, each with one short line naming its number. */
  public static byte[] manyPages(int pages) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDResources resources = new PDResources();
      resources.put(COSName.getPDFName("F1"), font);
      for (int i = 1; i <= pages; i++) {
        PDPage page = new PDPage();
        page.setResources(resources);
        page.getCOSObject()
            .setItem(
                COSName.CONTENTS,
                flate(doc, "BT /F1 12 Tf 72 700 Td (Page " + i + " of the long report.) Tj ET"));
        doc.addPage(page);
      }
      return save(doc);
    }
  }

  /** A plain page with one line of text. */
  public static PDPage textPage(PDDocument doc, String text) throws IOException {
    PDPage page = new PDPage();
    try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
      content.beginText();
      content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
      content.newLineAtOffset(72, 700);
      content.showText(text);
      content.endText();
    }
    return page;
  }

  private static COSStream spaces(PDDocument doc, int megabytes) throws IOException {
    COSStream stream = doc.getDocument().createCOSStream();
    byte[] block = new byte[1 << 20];
    Arrays.fill(block, (byte) ' ');
    try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
      for (int i = 0; i < megabytes; i++) {
        out.write(block);
      }
    }
    return stream;
  }

  private static COSStream flate(PDDocument doc, String content) throws IOException {
    COSStream stream = doc.getDocument().createCOSStream();
    try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
      out.write(content.getBytes(StandardCharsets.ISO_8859_1));
    }
    return stream;
  }

  private static byte[] save(PDDocument doc) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.save(out);
    return out.toByteArray();
  }

  /** A PDF with these objects (numbered from 1), a correct cross-reference table and trailer. */
  private static byte[] handWritten(String[] objects, String trailer) {
    StringBuilder pdf = new StringBuilder("%PDF-1.7\n");
    long[] offsets = new long[objects.length];
    for (int i = 0; i < objects.length; i++) {
      offsets[i] = pdf.length();
      pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
    }
    long xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
    for (long offset : offsets) {
      pdf.append(String.format("%010d 00000 n \n", offset));
    }
    pdf.append("trailer\n<< /Size ")
        .append(objects.length + 1)
        .append(' ')
        .append(trailer)
        .append(" >>\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}

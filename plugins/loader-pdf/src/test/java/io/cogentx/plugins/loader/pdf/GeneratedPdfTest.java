package io.cogentx.plugins.loader.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PDFs written by the test itself, for cases the sample corpus does not cover. */
class GeneratedPdfTest {

  @TempDir Path dir;

  private static final String XMP =
      """
      <?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
      <x:xmpmeta xmlns:x="adobe:ns:meta/">
       <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
         <dc:title><rdf:Alt>
           <rdf:li xml:lang="de-DE">Jahresbericht 2020</rdf:li>
           <rdf:li xml:lang="x-default">Annual Report 2020</rdf:li>
         </rdf:Alt></dc:title>
        </rdf:Description>
       </rdf:RDF>
      </x:xmpmeta>
      <?xpacket end="w"?>
      """;

  @Test
  void titleComesFromXmpWhenTheInfoTitleIsAFileName() throws Exception {
    Path file = dir.resolve("report.pdf");
    try (PDDocument doc = new PDDocument()) {
      addTextPage(doc, "Revenue grew by four percent.");
      doc.getDocumentInformation().setTitle("Binder1.pdf");
      PDMetadata metadata = new PDMetadata(doc);
      metadata.importXMPMetadata(XMP.getBytes(StandardCharsets.UTF_8));
      doc.getDocumentCatalog().setMetadata(metadata);
      doc.save(file.toFile());
    }
    SamplePdfs.Loaded loaded = SamplePdfs.load(SamplePdfs.loader(), file, Map.of());
    assertThat(loaded.result().title()).isEqualTo("Annual Report 2020");
    assertThat(loaded.text()).isEqualTo("Revenue grew by four percent.");
  }

  @Test
  void blankPagesAreRefusedAsEmptyNotAsScans() throws Exception {
    Path file = dir.resolve("blank.pdf");
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      doc.addPage(new PDPage());
      doc.save(file.toFile());
    }
    assertThatThrownBy(() -> SamplePdfs.load(SamplePdfs.loader(), file, Map.of()))
        .isInstanceOfSatisfying(
            DocumentException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.EMPTY);
              assertThat(e.getMessage()).contains("contains no text", "2 pages are blank");
            });
  }

  @Test
  void aFileThatIsNotAPdfIsNamedAsSuch() throws Exception {
    Path file = dir.resolve("notes.pdf");
    java.nio.file.Files.writeString(file, "just some text saved with a .pdf name\n");
    assertThatThrownBy(() -> SamplePdfs.load(SamplePdfs.loader(), file, Map.of()))
        .isInstanceOfSatisfying(
            DocumentException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT);
              assertThat(e.getMessage()).contains("not a PDF");
            });
  }

  private static void addTextPage(PDDocument doc, String text) throws java.io.IOException {
    PDPage page = new PDPage();
    doc.addPage(page);
    try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
      content.beginText();
      content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
      content.newLineAtOffset(72, 700);
      content.showText(text);
      content.endText();
    }
  }
}

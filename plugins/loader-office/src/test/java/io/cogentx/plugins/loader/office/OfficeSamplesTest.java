package io.cogentx.plugins.loader.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentException.Reason;
import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.Segment;
import io.cogentx.spi.contract.Loads;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real files of shared/data/office (SOURCES.md, section 4): each read with its structure and
 * locations, and each protected, damaged or disguised one refused with a reason a person can act
 * on. The media types are what the server's detector gives each file.
 */
class OfficeSamplesTest {

  private static DocumentLoader loader;

  @BeforeAll
  static void create() {
    loader = new OfficeLoaderProvider().create(PluginContext.of(Map.of()));
  }

  @AfterAll
  static void close() {
    loader.close();
  }

  private static Loads.Result load(String file, String type) throws DocumentException {
    return Loads.load(loader, Samples.request(file, type));
  }

  private static Loads.Result load(String file) throws DocumentException {
    return load(file, Formats.byExtension(file));
  }

  private static List<String> at(Loads.Result loaded, String location) {
    return loaded.segments().stream()
        .filter(s -> location.equals(s.location()))
        .map(Segment::text)
        .toList();
  }

  @Test
  void slidesAreNumberedAndTheirTableRowsCarryTheHeader() throws Exception {
    Loads.Result deck = load("autogen-paper-slides.pptx");
    assertThat(String.join(" ", at(deck, "slide 2")))
        .contains("AutoGen is an open-source framework");
    assertThat(at(deck, "slide 3"))
        .contains(
            "ColA: 7 | ColB: 8 | ColC: 9 | ColD: 1b92870d-e3b5-4e65-8153-919f4ff45592 | ColE: 11 |"
                + " ColF: 12");
    assertThat(deck.segments())
        .extracting(Segment::location)
        .containsOnly("slide 1", "slide 2", "slide 3", "slide 4", "slide 5", "slide 6");
    assertThat(deck.result().title())
        .isEqualTo("AutoGen: Enabling Next-Gen LLM Applications via Multi-Agent Conversation");
  }

  @Test
  void sheetsAreNamedAndRowsCarryTheirStackedHeadersWithoutPageCodes() throws Exception {
    Loads.Result book = load("nestle-2023-half-year-segments-multisheet.xlsx");
    assertThat(at(book, "sheet OS-Rev.and results 30 06 2023"))
        .anySatisfy(
            row ->
                assertThat(row)
                    .startsWith(
                        "January–June 2023 — In millions of CHF: Nespresso | Sales (a): 3,128"));
    assertThat(book.segments().stream().map(Segment::location).distinct()).hasSize(5);
    assertThat(book.joined()).doesNotContain("&\"Arial").contains("Extract from Half-Year Report");

    Loads.Result legacy = load("duck-observations-legacy.xls");
    assertThat(at(legacy, "sheet Duck Observations"))
        .contains("Number of freshwater ducks per year", "Year: 2022 | Freshwater Ducks: 170");
  }

  @Test
  void headersFootersAndHeadingsOfWordFilesAreKept() throws Exception {
    Loads.Result handbook = load("us-trustee-handbook-ch1-header-footer.docx");
    assertThat(handbook.texts()).startsWith("US Trustee Handbook").endsWith("Copyright");
    assertThat(at(handbook, "section INTRODUCTION"))
        .anySatisfy(p -> assertThat(p).contains("The Bankruptcy Reform Act of 1978 removed"));

    Loads.Result guidance = load("parental-involvement-title-i-guidance-2004.doc");
    assertThat(guidance.segments())
        .anySatisfy(
            s -> {
              assertThat(s.location()).startsWith("section C. LEA RESPONSIBILITIES › C-13.");
              assertThat(s.text()).contains("must reserve not less than one percent");
            });
    assertThat(guidance.texts())
        .as("the table of contents is navigation, not content")
        .noneMatch(t -> t.startsWith("3A-1."));
  }

  @Test
  void openDocumentFootnotesFollowTheParagraphCitingThem() throws Exception {
    Loads.Result article = load("hitchhikers-guide-wikipedia-footnotes.odt");
    List<String> background = at(article, "section Background");
    int innsbruck = indexContaining(background, "lying drunk in a field in Innsbruck");
    assertThat(background.get(innsbruck + 1)).startsWith("Footnote 6: Simpson, M. J. (2003)");
    assertThat(article.texts()).filteredOn(t -> t.startsWith("Footnote ")).hasSizeGreaterThan(40);
  }

  @Test
  void rtfInWindows1252WithBoldDayHeadingsIsReadIntoSections() throws Exception {
    Loads.Result tour = load("costa-rica-tour-itinerary.rtf", "application/rtf");
    assertThat(tour.joined()).contains("San José", "Caño Island");
    assertThat(at(tour, "section Day 7: MANUEL ANTONIO Breakfast"))
        .anySatisfy(
            p -> assertThat(p).contains("Manuel Antonio National Park (closed on Mondays)"));
  }

  @Test
  void aWebPageIsReadWithoutItsSiteChrome() throws Exception {
    Loads.Result page = load("wikipedia-microsoft-article.html");
    assertThat(page.result().title()).isEqualTo("Microsoft - Wikipedia");
    assertThat(page.texts())
        .doesNotContain("Jump to content", "Main menu", "Deutsch", "Contents")
        .contains("Founded: April 4, 1975 (1975-04-04) in Albuquerque, New Mexico, U.S.");
    assertThat(String.join(" ", at(page, "section History › 1972–1985: Founding")))
        .contains("Albuquerque");
  }

  @Test
  void anEpubBookIsReadChapterByChapter() throws Exception {
    Loads.Result book = load("winter-sports-in-switzerland-gutenberg.epub");
    assertThat(book.result().title()).isEqualTo("Winter Sports in Switzerland");
    assertThat(String.join(" ", at(book, "section CHAPTER III TEES AND CRAMPITS")))
        .contains("from the hack or from the heel of the crampit to the tee, shall be 42 yards");
  }

  @Test
  void anEmailStartsWithItsHeaderAndItsAttachmentIsNamed() throws Exception {
    Loads.Result mail = load("email-with-text-attachment.eml", "message/rfc822");
    assertThat(mail.result().title()).isEqualTo("Fake email with attachment");
    assertThat(mail.texts().get(0))
        .startsWith(
            "Subject: Fake email with attachment\nFrom: Mallori Harrell <mallori@unstructured.io>");
    assertThat(at(mail, "attachment fake-attachment.txt"))
        .containsExactly("Attachment: fake-attachment.txt", "Hey this is a fake attachment!");
    assertThat(mail.texts()).contains("Here's the attachments!").doesNotHaveDuplicates();
  }

  @Test
  void aCsvFileIsATableWhoseRowsCarryTheHeader() throws Exception {
    Loads.Result table = load("us-states-population-engineers-hurricanes.csv", "text/csv");
    assertThat(table.texts())
        .hasSize(52)
        .contains(
            "state: Florida | id: 12 | population: 20612439 | engineers: 0.003299949 | hurricanes: 110");
  }

  @Test
  void protectedFilesAskForThePasswordAndTheRightOneOpensThem() throws Exception {
    record Protected(String file, String type, String text) {}
    for (Protected p :
        List.of(
            new Protected(
                "ENCRYPTED-word-password-tika.docx",
                "application/x-tika-msoffice",
                "This is an encrypted Word 2007 File."),
            new Protected(
                "ENCRYPTED-excel-password-tika.xlsx",
                "application/x-tika-msoffice",
                "This is an Encrypted Excel spreadsheet."),
            new Protected(
                "ENCRYPTED-writer-password-tika.odt",
                "application/vnd.oasis.opendocument.text",
                "Shhhhhhhhhhh! This should be encrypted."))) {
      assertThatThrownBy(() -> load(p.file(), p.type()))
          .as(p.file())
          .isInstanceOfSatisfying(
              DocumentException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.PASSWORD_REQUIRED);
                assertThat(e.getMessage()).contains("password-protected");
              });
      assertThatThrownBy(
              () ->
                  Loads.load(
                      loader, Samples.request(p.file(), p.type(), Map.of("password", "TIKA"))))
          .as(p.file() + " with a wrong password")
          .isInstanceOfSatisfying(
              DocumentException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.PASSWORD_REQUIRED);
                assertThat(e.getMessage()).contains("is wrong");
              });
      Loads.Result opened =
          Loads.load(loader, Samples.request(p.file(), p.type(), Map.of("password", "tika")));
      assertThat(DocumentLoaderContractNormalising.normalise(opened.joined()))
          .as(p.file())
          .contains(p.text());
    }
  }

  @Test
  void damagedAndDisguisedFilesAreRefusedWithAReason() {
    assertThatThrownBy(() -> load("CORRUPT-word-truncated.docx"))
        .isInstanceOfSatisfying(
            DocumentException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.DAMAGED);
              assertThat(e.getMessage())
                  .startsWith("This Word document is damaged or incomplete")
                  .doesNotContain("org.apache");
            });
    assertThatThrownBy(() -> load("CORRUPT-writer-not-a-zip.odt"))
        .isInstanceOfSatisfying(
            DocumentException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.DAMAGED);
              assertThat(e.getMessage()).contains("not a real OpenDocument text", "plain text");
            });
  }

  /** Text compared regardless of line breaks. */
  private static final class DocumentLoaderContractNormalising {
    static String normalise(String text) {
      return text.replaceAll("\\s+", " ");
    }
  }

  private static int indexContaining(List<String> texts, String part) {
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i).contains(part)) {
        return i;
      }
    }
    throw new AssertionError("'" + part + "' not found in " + texts);
  }

  static LoadRequest request(byte[] bytes, String name) {
    return Loads.request(bytes, name, Formats.byExtension(name));
  }
}

package io.cogentx.plugins.loader.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentException.Reason;
import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.Segment;
import io.cogentx.spi.contract.Loads;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Documents made by the test: OpenDocument sheets and slides, Word footnotes, nested e-mail
 * attachments, and what must be refused quickly: zip bombs, disguised text, documents past the
 * limits of characters and time.
 */
class OfficeGeneratedTest {

  private DocumentLoader loader;

  @BeforeEach
  void create() {
    loader = new OfficeLoaderProvider().create(PluginContext.of(Map.of()));
  }

  @AfterEach
  void close() {
    loader.close();
  }

  private Loads.Result load(byte[] bytes, String name) throws DocumentException {
    return Loads.load(loader, OfficeSamplesTest.request(bytes, name));
  }

  @Test
  void openDocumentSheetsAndSlidesAreNamedAndNumbered() throws Exception {
    assertThat(load(Generated.ods(), "budget.ods").segments())
        .containsExactly(
            Segment.at("sheet Revenue", "Region: North | Sales: 120"),
            Segment.at("sheet Revenue", "Region: South | Sales: 95"),
            Segment.at("sheet Costs", "Item: Rent | Amount: 40"),
            Segment.at("sheet Costs", "Item: Staff | Amount: 300"));
    assertThat(load(Generated.odp(), "talk.odp").segments())
        .containsExactly(
            Segment.at("slide 1", "Tidal power overview"),
            Segment.at("slide 2", "La Rance has produced electricity since 1966."));
  }

  @Test
  void aWordFootnoteFollowsItsParagraphWithItsNumber() throws Exception {
    assertThat(load(Generated.docxWithFootnoteAndTable(), "tides.docx").texts())
        .containsSubsequence(
            "The barrage at La Rance produces 500 GWh a year.[1]",
            "Footnote 1: Measured by EDF in 2019.",
            "Plant: La Rance | Capacity: 240 MW",
            "Plant: Sihwa | Capacity: 254 MW");
  }

  @Test
  void attachmentsAreReadRecursivelyUnderTheirNames() throws Exception {
    Loads.Result mail = load(Generated.nestedEmail(), "fwd.eml");
    assertThat(mail.segments())
        .containsSubsequence(
            Segment.of(
                "Subject: Fwd: Tide tables\nFrom: Cy Clark <cy@example.org>\nTo: Dee Dunn"
                    + " <dee@example.org>\nDate: 2024-06-04T10:00:00Z"),
            Segment.of("Forwarding Ann's message, and my notes."),
            Segment.at("attachment notes.txt", "Attachment: notes.txt"),
            Segment.at("attachment notes.txt", "Bring the blue buckets to the harbour."),
            Segment.at("attachment tides.eml", "Attachment: tides.eml"),
            Segment.at(
                "attachment tides.eml",
                "Subject: Tide tables\nFrom: Ann Archer <ann@example.org>\nTo: Bo Baker"
                    + " <bo@example.org>\nDate: 2024-06-03T09:00:00Z"),
            Segment.at("attachment tides.eml", "The tide table for June is attached."),
            Segment.at("attachment tides.eml › tides.csv", "Attachment: tides.csv"),
            Segment.at(
                "attachment tides.eml › tides.csv",
                "day: 1 June | high water: 06:12 | low water: 12:30"));
  }

  @Test
  void attachmentsDeeperThanTheLimitAreLeftOutWithAWarning() throws Exception {
    DocumentLoader shallow =
        new OfficeLoaderProvider()
            .create(PluginContext.of(Map.of("OFFICE_MAX_ATTACHMENT_DEPTH", "1")));
    try {
      Loads.Result mail =
          Loads.load(shallow, OfficeSamplesTest.request(Generated.nestedEmail(), "fwd.eml"));
      assertThat(mail.texts()).contains("Bring the blue buckets to the harbour.");
      assertThat(mail.joined()).doesNotContain("06:12");
      assertThat(mail.result().warnings()).anySatisfy(w -> assertThat(w).contains("deeper than 1"));
    } finally {
      shallow.close();
    }
  }

  @Test
  void aZipBombIsRefusedBeforeItIsUnpacked() {
    byte[] bomb = Generated.docxBomb(64); // 64 MB of text in a zip of about 250 KB
    assertThat(bomb.length).isLessThan(400_000);
    long start = System.nanoTime();
    assertThatThrownBy(() -> load(bomb, "bomb.docx"))
        .isInstanceOfSatisfying(
            DocumentException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
              assertThat(e.getMessage()).contains("zip bomb", "over 100 times");
            });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    assertThatThrownBy(() -> load(Generated.odtBomb(16), "bomb.odt"))
        .isInstanceOfSatisfying(
            DocumentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
  }

  @Test
  void textFarBeyondTheFilesSizeIsStoppedAsABombWhileReading() throws Exception {
    Guard guard = new Guard(OfficeSettings.defaults(), 1_000);
    assertThatThrownBy(
            () -> {
              for (int i = 0; i < 2_000; i++) {
                guard.count(1_000); // 2,000,000 characters from a 1,000-byte file
              }
            })
        .isInstanceOfSatisfying(
            Guard.Stopped.class, e -> assertThat(e.stop()).isEqualTo(Guard.Stop.BOMB));
  }

  @Test
  void onlyTheFirstCharactersUpToTheLimitAreReadWithAWarning() throws Exception {
    DocumentLoader limited =
        new OfficeLoaderProvider()
            .create(PluginContext.of(Map.of("OFFICE_MAX_CHARACTERS", "2000")));
    try {
      Loads.Result read =
          Loads.load(limited, Samples.request("hitchhikers-guide-wikipedia-footnotes.odt", null));
      assertThat(read.joined().length()).isBetween(500, 2_500);
      assertThat(read.result().warnings())
          .anySatisfy(
              w -> assertThat(w).contains("first 2000 characters", "OFFICE_MAX_CHARACTERS"));
    } finally {
      limited.close();
    }
  }

  @Test
  void aDocumentThatTakesTooLongIsRefusedAtTheTimeLimit() {
    OfficeSettings instant =
        new OfficeSettings(10_000_000, Duration.ofNanos(1), 100, 200L << 20, 3);
    DocumentLoader impatient = new OfficeLoader(instant);
    try {
      assertThatThrownBy(
              () ->
                  Loads.load(
                      impatient,
                      Samples.request("winter-sports-in-switzerland-gutenberg.epub", null)))
          .isInstanceOfSatisfying(
              DocumentException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
                assertThat(e.getMessage()).contains("took longer than");
              });
    } finally {
      impatient.close();
    }
  }

  @Test
  void plainTextNamedAsAnOfficeFileIsRefusedButTextFormatsStayText() throws Exception {
    byte[] text = "Quarterly figures: sales rose.\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> load(text, "report.docx"))
        .isInstanceOfSatisfying(
            DocumentException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.DAMAGED);
              assertThat(e.getMessage()).contains("not a real Word document", "plain text");
            });
    assertThat(load("a\tb\n1\t2\n".getBytes(StandardCharsets.UTF_8), "t.tsv").texts())
        .containsExactly("a: 1 | b: 2");
    assertThat(load("Just words, no tags.".getBytes(StandardCharsets.UTF_8), "page.html").texts())
        .containsExactly("Just words, no tags.");
  }

  @Test
  void aSmallCsvInWindows1252WithSemicolonsIsATable() throws Exception {
    byte[] csv =
        "Stadt;Einwohner\nZürich;421878\n"
            .getBytes(java.nio.charset.Charset.forName("windows-1252"));
    assertThat(load(csv, "staedte.csv").texts())
        .containsExactly("Stadt: Zürich | Einwohner: 421878");
  }

  @Test
  void invalidSettingsAreRefusedNamingTheSetting() {
    assertThatThrownBy(
            () ->
                new OfficeLoaderProvider()
                    .create(PluginContext.of(Map.of("OFFICE_MAX_COMPRESSION_RATIO", "1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("OFFICE_MAX_COMPRESSION_RATIO");
  }
}

package io.cogentx.plugins.loader.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentException.Reason;
import io.cogentx.spi.Segment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every PDF in shared/data/pdf (SOURCES.md, section 2) with the outcome a user should see, without
 * OCR: ingested with at least N characters (and the right title), or refused with a specific reason
 * and a message that says what to do.
 */
class SampleCorpusTest {

  /** Ingested: at least {@code minChars}, a text that must appear, the expected title. */
  record Ingested(int minChars, String mustContain, String title, String warning) {}

  /** Refused with {@code reason}; the message contains {@code message}. */
  record Refused(Reason reason, String message) {}

  static final Map<String, Object> EXPECTED =
      Map.ofEntries(
          Map.entry(
              "irs-i1040gi-2018.pdf",
              new Ingested(
                  500_000, "File Form 1040 by April 15, 2019", "2018 Instruction 1040", null)),
          Map.entry(
              "GeoTopo-komprimiert.pdf",
              new Ingested(130_000, "Metrische Räume", "Geometrie und Topologie", null)),
          Map.entry(
              "federal-register-2020-17221.pdf",
              new Ingested(55_000, "by September 21, 2020", null, null)),
          Map.entry(
              "WARN-Report-for-7-1-2015-to-03-25-2016.pdf",
              new Ingested(50_000, "Maxim Integrated Product", null, null)),
          Map.entry(
              "nics-background-checks-2015-11.pdf",
              new Ingested(5_000, "NICS Firearm Background Checks", null, null)),
          Map.entry(
              "senate-expenditures.pdf", new Ingested(4_000, "DISTRICT DIRECTOR", null, null)),
          Map.entry(
              "scotus-transcript-p1.pdf",
              new Ingested(600, "IN THE SUPREME COURT OF THE UNITED STATES", null, null)),
          Map.entry(
              "multicolumn.pdf", new Ingested(6_500, "Lorem ipsum dolor sit amet", null, null)),
          Map.entry(
              "google-doc-document.pdf",
              new Ingested(1_000, "Beautiful is better than ugly", "PDF Example Document", null)),
          Map.entry("habibi.pdf", new Ingested(20, "habibi", "habibi", null)),
          Map.entry(
              "Seige_of_Vicksburg_Sample_OCR.pdf", new Ingested(11_000, "Vicksburg", null, null)),
          Map.entry("r6-owner-password.pdf", new Ingested(30, "pdf encryption test", null, null)),
          Map.entry(
              "multipage.pdf",
              new Ingested(50, "Percentage", null, "Pages 1–3, 5–6 have no text layer")),
          Map.entry("c02-22.pdf", new Refused(Reason.EMPTY, "looks like a scan")),
          Map.entry("epson.pdf", new Refused(Reason.EMPTY, "looks like a scan")),
          Map.entry("linn.pdf", new Refused(Reason.EMPTY, "OCR is not available")),
          Map.entry(
              "libreoffice-writer-password.pdf",
              new Refused(Reason.PASSWORD_REQUIRED, "password-protected")),
          Map.entry(
              "crazyones-encrypted-256.pdf",
              new Refused(Reason.PASSWORD_REQUIRED, "password-protected")),
          Map.entry("unreadablemetadata.pdf", new Refused(Reason.DAMAGED, "page tree is broken")),
          Map.entry("invalid.pdf", new Refused(Reason.DAMAGED, "document catalog")),
          Map.entry("empty.pdf", new Refused(Reason.EMPTY, "0 bytes")),
          Map.entry(
              "federal-register-2020-17221.TRUNCATED.pdf",
              new Refused(Reason.DAMAGED, "incomplete")));

  static Stream<String> samples() throws IOException {
    Optional<Path> dir = SamplePdfs.directory();
    if (dir.isEmpty()) {
      return Stream.of("(shared/data/pdf not found)");
    }
    try (Stream<Path> files = Files.list(dir.get())) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".pdf"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void eachSampleHasTheOutcomeAUserShouldSee(String name) throws Exception {
    assumeTrue(
        SamplePdfs.directory().isPresent(),
        "shared/data/pdf not found (set -Dcogentx.pdf.data): skipping the sample corpus");
    Object expected = EXPECTED.get(name);
    assertThat(expected).as("an expected outcome for new sample " + name).isNotNull();
    if (expected instanceof Refused refused) {
      assertThatThrownBy(() -> SamplePdfs.load(name))
          .isInstanceOfSatisfying(
              DocumentException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(refused.reason());
                assertThat(e.getMessage()).contains(refused.message());
              });
      return;
    }
    Ingested ingested = (Ingested) expected;
    SamplePdfs.Loaded loaded = SamplePdfs.load(name);
    assertThat(loaded.text().length()).isGreaterThanOrEqualTo(ingested.minChars());
    assertThat(loaded.flatText()).contains(ingested.mustContain());
    assertThat(loaded.result().title()).isEqualTo(ingested.title());
    if (ingested.warning() == null) {
      assertThat(loaded.result().warnings()).isEmpty();
    } else {
      assertThat(loaded.result().warnings()).anyMatch(w -> w.contains(ingested.warning()));
    }
    List<Integer> pages = loaded.segments().stream().map(Segment::page).toList();
    assertThat(pages).isSorted().doesNotHaveDuplicates().allMatch(p -> p >= 1);
    int total = Integer.parseInt(loaded.progress().getLast().replaceAll(".*/", ""));
    assertThat(loaded.progress())
        .containsSubsequence(
            IntStream.rangeClosed(1, total)
                .mapToObj(i -> "extracting " + i + "/" + total)
                .toList());
  }

  @Test
  void everyExpectedSampleIsPresent() {
    Optional<Path> dir = SamplePdfs.directory();
    assumeTrue(dir.isPresent(), "shared/data/pdf not found: skipping");
    assertThat(EXPECTED.keySet()).allMatch(name -> Files.isRegularFile(dir.get().resolve(name)));
  }
}

package io.cogentx.it;

import static io.cogentx.it.Api.SESSION;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every PDF in ../shared/data/pdf (SOURCES.md, section 2) uploaded through the real server as
 * background jobs at once, each in its own session: each ends as the table below says (indexed, or
 * refused with a specific reason), no answer on the way is a 5xx, the server is still ready after,
 * and facts from SOURCES.md are found and cited to their page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PdfCorpusIT {

  private static final Path PDFS = Path.of("../shared/data/pdf");

  /** The outcome a user should see: 201 (indexed) or a problem's status and reason. */
  record Expected(int status, String reason) {
    static Expected indexed() {
      return new Expected(201, null);
    }

    static Expected refused(String reason) {
      return new Expected(422, reason);
    }
  }

  /** tesseract is on this machine (the server's): scanned pages are read by OCR. */
  private static final boolean OCR =
      Stream.of(System.getenv("PATH").split(":"))
          .anyMatch(dir -> Files.isExecutable(Path.of(dir, "tesseract")));

  private static final Map<String, Expected> EXPECTED = new LinkedHashMap<>();

  static {
    for (String name :
        List.of(
            "irs-i1040gi-2018.pdf",
            "GeoTopo-komprimiert.pdf",
            "federal-register-2020-17221.pdf",
            "WARN-Report-for-7-1-2015-to-03-25-2016.pdf",
            "nics-background-checks-2015-11.pdf",
            "senate-expenditures.pdf",
            "scotus-transcript-p1.pdf",
            "multicolumn.pdf",
            "google-doc-document.pdf",
            "habibi.pdf",
            "Seige_of_Vicksburg_Sample_OCR.pdf",
            "r6-owner-password.pdf",
            "multipage.pdf")) {
      EXPECTED.put(name, Expected.indexed());
    }
    for (String scan : List.of("c02-22.pdf", "epson.pdf", "linn.pdf")) {
      EXPECTED.put(scan, OCR ? Expected.indexed() : Expected.refused("empty"));
    }
    EXPECTED.put("libreoffice-writer-password.pdf", Expected.refused("password-required"));
    EXPECTED.put("crazyones-encrypted-256.pdf", Expected.refused("password-required"));
    EXPECTED.put("unreadablemetadata.pdf", Expected.refused("damaged"));
    EXPECTED.put("invalid.pdf", Expected.refused("damaged"));
    EXPECTED.put("empty.pdf", Expected.refused("empty"));
    EXPECTED.put("federal-register-2020-17221.TRUNCATED.pdf", Expected.refused("damaged"));
  }

  /** One upload: its session, job and how it ended. */
  record Upload(String file, String session, String jobId, JsonObject ended) {}

  private static final String LARGE = "irs-i1040gi-2018.pdf";

  private final Map<String, Upload> uploads = new LinkedHashMap<>();
  private CompletableFuture<List<Api.Event>> largeEvents =
      CompletableFuture.completedFuture(List.of());
  private final List<String> serverErrors = new ArrayList<>();
  private long seconds;

  @BeforeAll
  void uploadEverySampleAtOnce() throws IOException {
    Assumptions.assumeTrue(
        Files.isDirectory(PDFS), "SKIPPED: " + PDFS.toAbsolutePath() + " is absent");
    long started = System.nanoTime();
    List<String> files;
    try (Stream<Path> list = Files.list(PDFS)) {
      // the largest first, so the longest job starts at once and the rest run beside it
      files =
          list.filter(p -> p.getFileName().toString().endsWith(".pdf"))
              .sorted(Comparator.comparingLong(PdfCorpusIT::size).reversed())
              .map(p -> p.getFileName().toString())
              .toList();
    }
    Map<String, String[]> accepted = new LinkedHashMap<>();
    for (String file : files) {
      String session = Api.newSession();
      HttpResponse<String> response =
          Api.send(
              new Multipart()
                  .file("file", file, "application/pdf", Files.readAllBytes(PDFS.resolve(file)))
                  .post("/api/v1/documents", session));
      record(file, response);
      assertThat(response.statusCode()).as(file + ": " + response.body()).isEqualTo(202);
      String id = Api.json(response).getString("id");
      accepted.put(file, new String[] {session, id});
      if (file.equals(LARGE)) { // watched as the browser does, while everything else runs
        largeEvents =
            CompletableFuture.supplyAsync(
                () -> Api.events("/api/v1/jobs/" + id + "/events?session_id=" + session));
      }
    }
    for (Map.Entry<String, String[]> e : accepted.entrySet()) {
      String session = e.getValue()[0];
      String id = e.getValue()[1];
      JsonObject ended = Api.awaitJob(session, id, Duration.ofMinutes(5));
      uploads.put(e.getKey(), new Upload(e.getKey(), session, id, ended));
    }
    seconds = (System.nanoTime() - started) / 1_000_000_000L;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void record(String what, HttpResponse<String> response) {
    if (response.statusCode() >= 500) {
      serverErrors.add(what + ": " + response.statusCode() + " " + response.body());
    }
  }

  @Test
  void everySampleHasTheExpectedOutcomeWithNoServerErrorAndTheServerStaysReady() {
    assertThat(EXPECTED.keySet())
        .as("every file in the table is present, and every present file is in the table")
        .containsExactlyInAnyOrderElementsOf(uploads.keySet());
    List<String> wrong = new ArrayList<>();
    for (Upload upload : uploads.values()) {
      Expected expected = EXPECTED.get(upload.file());
      JsonObject job = upload.ended();
      int status =
          switch (job.getString("state")) {
            case "succeeded" -> 201;
            case "failed" -> job.getJsonObject("problem").getInt("status");
            default -> -1;
          };
      if (status >= 500) {
        serverErrors.add(upload.file() + ": " + job);
      }
      String reason =
          job.containsKey("problem")
              ? job.getJsonObject("problem").getString("reason", null)
              : null;
      if (status != expected.status()
          || (expected.reason() != null && !expected.reason().equals(reason))) {
        wrong.add(upload.file() + ": expected " + expected + ", got " + job);
      }
      if (status == 201) {
        JsonObject doc = job.getJsonObject("document");
        if (doc.getInt("chunks") < 1 || !doc.getString("loader").equals("pdf")) {
          wrong.add(upload.file() + ": indexed without chunks " + doc);
        }
      } else if (status == 422 && job.getJsonObject("problem").getString("detail").length() < 20) {
        wrong.add(upload.file() + ": a problem without a useful detail " + job);
      }
    }
    assertThat(wrong).as("all %d uploads in %d s", uploads.size(), seconds).isEmpty();
    assertThat(serverErrors).isEmpty();
    assertThat(Api.get("/health/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void theLargePdfsProgressIsStreamedPageByPageToTheEnd() throws Exception {
    Assumptions.assumeTrue(uploads.containsKey(LARGE), "SKIPPED: " + LARGE + " is absent");
    List<Api.Event> events = largeEvents.get(1, java.util.concurrent.TimeUnit.MINUTES);

    assertThat(events.getLast().name()).isEqualTo("done");
    assertThat(events.getLast().data().getString("state")).isEqualTo("succeeded");
    List<JsonObject> pages =
        events.stream()
            .map(Api.Event::data)
            .filter(j -> j.getString("stage").equals("extracting") && j.getInt("total") == 117)
            .toList();
    assertThat(pages).as("page progress of 117 pages").hasSizeGreaterThan(1);
    assertThat(pages.stream().map(j -> j.getInt("done")).toList()).isSorted();
    assertThat(pages.getLast().getString("message")).matches("Extracting page \\d+ of 117");
    JsonObject embedding =
        events.stream()
            .map(Api.Event::data)
            .filter(j -> j.getString("stage").equals("embedding"))
            .reduce((a, b) -> b)
            .orElseThrow();
    assertThat(embedding.getString("message")).matches("Embedding chunk \\d+ of \\d+");
    System.out.printf(
        "%s: %d events, %d chunks%n",
        LARGE, events.size(), events.getLast().data().getJsonObject("document").getInt("chunks"));
  }

  @Test
  void theStandardDeductionForSingleFilersIsCitedToItsPage() {
    JsonObject hit =
        find(
            "irs-i1040gi-2018.pdf",
            "2018 standard deduction amount for single filers",
            "Single or Married filing separately—$12,000");
    assertThat(hit.getInt("page")).isIn(6, 35);
  }

  @Test
  void theFaaCommentDeadlineIsFoundInTheThreeColumnRegister() {
    JsonObject hit =
        find(
            "federal-register-2020-17221.pdf",
            "by when must the FAA receive comments on the proposed AD",
            "September 21, 2020");
    assertThat(hit.getInt("page")).isIn(1, 6, 15);
  }

  @Test
  void tableRowsStayTogether() {
    JsonObject warn =
        find(
            "WARN-Report-for-7-1-2015-to-03-25-2016.pdf",
            "Maxim Integrated Product San Jose layoff",
            "Maxim Integrated Product");
    assertThat(warn.getString("text")).contains("San Jose");
    assertThat(
            find("nics-background-checks-2015-11.pdf", "Alabama permit handgun checks", "Alabama")
                .getString("text"))
        .contains("18,870");
  }

  @Test
  void germanAndArabicTextIsSearchable() {
    assertThat(find("GeoTopo-komprimiert.pdf", "Metrische Räume", "Metrische").getInt("page"))
        .isPositive();
    find("habibi.pdf", "حَبيبي habibi", "habibi");
  }

  @Test
  void aScannedPageIsReadByOcr() {
    Assumptions.assumeTrue(OCR, "SKIPPED: tesseract is not installed, scans are refused instead");
    JsonObject hit = find("linn.pdf", "how many sequences and tracks", "100 sequences");
    assertThat(hit.getInt("page")).isEqualTo(1);
  }

  /** A hit for {@code query} in the file's session whose text contains {@code mustContain}. */
  private JsonObject find(String file, String query, String mustContain) {
    Upload upload = uploads.get(file);
    Assumptions.assumeTrue(upload != null, "SKIPPED: " + file + " is absent");
    assertThat(upload.ended().getString("state"))
        .as(upload.ended().toString())
        .isEqualTo("succeeded");
    HttpResponse<String> response =
        Api.postJson(
            "/api/v1/search",
            upload.session(),
            "{\"query\": " + Api.quote(query) + ", \"k\": 5, \"mode\": \"hybrid\"}");
    record("search " + file, response);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<JsonObject> hits =
        Api.json(response).getJsonArray("results").getValuesAs(JsonObject.class);
    return hits.stream()
        .filter(h -> h.getString("text").contains(mustContain))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "'" + mustContain + "' not in the top 5 for '" + query + "': " + hits));
  }

  @Test
  void theSessionOnlyHoldsItsOwnDocument() {
    Upload upload = uploads.get("google-doc-document.pdf");
    Assumptions.assumeTrue(upload != null, "SKIPPED: google-doc-document.pdf is absent");
    JsonObject list = Api.json(Api.get("/api/v1/documents", SESSION, upload.session()));
    assertThat(list.getInt("total_documents")).isEqualTo(1);
    assertThat(list.getJsonArray("documents").getJsonObject(0).getString("title"))
        .isEqualTo("PDF Example Document");
  }
}

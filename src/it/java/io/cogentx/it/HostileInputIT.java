package io.cogentx.it;

import static io.cogentx.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.plugins.loader.pdf.hostile.HostilePdfs;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile input through the public API of the started server: each ends as a clear 4xx problem or a
 * bounded, correct result, and the server stays healthy with its heap bounded afterwards.
 */
class HostileInputIT {

  private static final String TEXT = "The heron waits by the river at dawn.";

  private static HttpResponse<String> upload(
      String session, String fileName, String type, byte[] content) {
    return Api.send(
        new Multipart()
            .file("file", fileName, type, content)
            .post("/api/v1/documents?wait=true", session));
  }

  private static HttpResponse<String> raw(
      String path, String session, String contentType, byte[] body) {
    HttpRequest.Builder r = Api.request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      r.header("Content-Type", contentType);
    }
    if (session != null) {
      r.header(Api.SESSION, session);
    }
    return Api.send(r);
  }

  @AfterAll
  static void theServerIsHealthyAndItsHeapBounded() {
    assertThat(Api.get("/health/ready").statusCode()).isEqualTo(200);
    assertThat(heapAfterGcPercent()).isLessThan(90);
  }

  /** The memory guard's reading of the heap held after the last collection, in percent. */
  static double heapAfterGcPercent() {
    String metrics = Api.get("/metrics").body();
    Matcher m =
        Pattern.compile("(?m)^limits_memory_heap_after_gc_percent\\{[^}]*\\} ([0-9.eE+-]+)")
            .matcher(metrics);
    assertThat(m.find()).as("the memory guard's gauge in /metrics").isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void decompressionBombsAreReadWithinBudgetOrRefused() throws IOException {
    String session = Api.newSession();
    byte[] pageBomb = HostilePdfs.flateBombThenText(64, TEXT);
    HttpResponse<String> partly = upload(session, "bomb.pdf", "application/pdf", pageBomb);
    assertThat(partly.statusCode()).as(partly.body()).isEqualTo(201);
    JsonObject document = Api.json(partly);
    assertThat(document.getJsonArray("warnings").getString(0))
        .startsWith("Page 1 would have taken more than this server reads of one page");
    String found =
        Api.postJson(
                "/api/v1/search", session, "{\"query\": \"heron river\", \"mode\": \"keyword\"}")
            .body();
    assertThat(found).contains("heron waits");

    byte[] documentBomb = HostilePdfs.sharedFlateBomb(15, 40); // 600 MB from ~40 KB
    JsonObject refused =
        assertProblem(upload(session, "big.pdf", "application/pdf", documentBomb), 413);
    assertThat(refused.getString("reason")).isEqualTo("too-large");
    assertThat(refused.getString("detail")).contains("decompresses to more than 512 MB");
  }

  @Test
  void floodsNestingAndCyclesEndWithTheReadablePages() throws IOException {
    String session = Api.newSession();
    for (Map.Entry<String, byte[]> pdf :
        Map.of(
                "glyphs.pdf", HostilePdfs.glyphFloodThenText(300_000, TEXT),
                "states.pdf", HostilePdfs.stateNestingThenText(2_000_000, TEXT),
                "operand.pdf", HostilePdfs.nestedOperandThenText(100_000, TEXT),
                "objects.pdf", HostilePdfs.nestedObjects(100_000, TEXT),
                "form.pdf", HostilePdfs.selfDrawingForm(TEXT))
            .entrySet()) {
      HttpResponse<String> r = upload(session, pdf.getKey(), "application/pdf", pdf.getValue());
      assertThat(r.statusCode()).as(pdf.getKey() + ": " + r.body()).isEqualTo(201);
      assertThat(Api.json(r).getInt("chunks")).isPositive();
    }
    HttpResponse<String> cycle =
        upload(session, "cycle.pdf", "application/pdf", HostilePdfs.cyclicPageTree(TEXT));
    if (cycle.statusCode() != 201) {
      assertThat(assertProblem(cycle, 422).getString("reason")).isEqualTo("damaged");
    }
  }

  @Test
  void aMultipartBodyOfThousandsOfPartsIsReadOrRefusedClearly() {
    String session = Api.newSession();
    Multipart many = new Multipart();
    for (int i = 0; i < 2_000; i++) {
      many.field("f" + i, "v");
    }
    many.file("file", "notes.txt", "text/plain", TEXT.getBytes(StandardCharsets.UTF_8));
    assertThat(Api.send(many.post("/api/v1/documents?wait=true", session)).statusCode())
        .isEqualTo(201);

    Multipart tooMany = new Multipart();
    for (int i = 0; i < 20_000; i++) {
      tooMany.field("f" + i, "v");
    }
    tooMany.file("file", "notes.txt", "text/plain", TEXT.getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r = Api.send(tooMany.post("/api/v1/documents", session));
    if (r.statusCode() != 202) {
      assertThat(assertProblem(r, 400).getString("detail")).contains("multipart/form-data");
    }
  }

  @Test
  void hostileFileNamesAreKeptSafelyOrRefusedClearly() {
    String session = Api.newSession();
    byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);
    assertThat(
            Api.json(upload(session, "../../etc/passwd", "text/plain", text))
                .getString("file_name"))
        .isEqualTo("passwd");
    JsonObject rtl = Api.json(upload(session, "invoice\u202Efdp.exe", "text/plain", text));
    assertThat(rtl.getString("file_name")).isEqualTo("invoicefdp.exe");
    String disposition =
        Api.get("/api/v1/documents/" + rtl.getString("id") + "/content", Api.SESSION, session)
            .headers()
            .firstValue("Content-Disposition")
            .orElseThrow();
    assertThat(disposition).doesNotContain("\u202E").doesNotContain("/").startsWith("inline;");

    // what the multipart parser cannot take is a 400 saying what to send
    for (String name : List.of("a\u0000b.txt", "x".repeat(10_240) + ".txt")) {
      HttpResponse<String> r = upload(session, name, "text/plain", text);
      if (r.statusCode() == 201) {
        String kept = Api.json(r).getString("file_name");
        assertThat(kept).doesNotContain("\u0000").hasSizeLessThanOrEqualTo(255);
      } else {
        assertThat(assertProblem(r, 400).getString("detail")).contains("file name");
      }
    }
  }

  @Test
  void wrongAndMissingContentTypes() {
    String session = Api.newSession();
    // bytes win over what the client declares: a PDF sent as text is read as a PDF
    byte[] pdf;
    try (var doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
      doc.addPage(HostilePdfs.textPage(doc, TEXT));
      var out = new java.io.ByteArrayOutputStream();
      doc.save(out);
      pdf = out.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    HttpResponse<String> declaredText = upload(session, "report.txt", "text/plain", pdf);
    assertThat(Api.json(declaredText).getString("loader")).isEqualTo("pdf");
    // text sent as a PDF is still text
    HttpResponse<String> declaredPdf =
        upload(session, "notes.pdf", "application/pdf", TEXT.getBytes(StandardCharsets.UTF_8));
    assertThat(declaredPdf.statusCode()).as(declaredPdf.body()).isIn(201, 415, 422);
    // random bytes declared as nothing in particular
    HttpResponse<String> noise =
        upload(
            session, "noise", "application/octet-stream", new byte[] {0, 1, 2, 3, (byte) 0xff, 9});
    assertThat(noise.statusCode()).isIn(415, 422);
    assertProblem(noise, noise.statusCode());

    assertThat(
            assertProblem(
                    raw(
                        "/api/v1/documents",
                        session,
                        null,
                        "hello".getBytes(StandardCharsets.UTF_8)),
                    400)
                .getString("detail"))
        .contains("Content-Type");
    assertProblem(
        raw(
            "/api/v1/ask",
            session,
            "text/plain",
            "{\"question\":\"x\"}".getBytes(StandardCharsets.UTF_8)),
        415);
    assertProblem(
        raw(
            "/api/v1/documents",
            session,
            "multipart/form-data",
            "x".getBytes(StandardCharsets.UTF_8)),
        400);
  }

  @Test
  void invalidUtf8IsReadAsTextOrAnsweredNeverAFailure() {
    String session = Api.newSession();
    byte[] latin = "Herons \u00e9t\u00e9 fly over the lake.".getBytes(StandardCharsets.ISO_8859_1);
    byte[] broken = new byte[latin.length + 3];
    System.arraycopy(latin, 0, broken, 0, latin.length);
    broken[latin.length] = (byte) 0xc3;
    broken[latin.length + 1] = (byte) 0x28;
    broken[latin.length + 2] = (byte) 0xff;
    HttpResponse<String> text = upload(session, "latin.txt", "text/plain", broken);
    assertThat(text.statusCode()).as(text.body()).isEqualTo(201);
    assertThat(Api.json(text).getJsonArray("warnings").toString()).contains("not valid UTF-8");

    byte[] question =
        "{\"question\": \"where do herons \u00ff\u00fe fly?\"}"
            .getBytes(StandardCharsets.ISO_8859_1);
    HttpResponse<String> asked = raw("/api/v1/ask", session, "application/json", question);
    assertThat(asked.statusCode()).as(asked.body()).isIn(200, 400);
    if (asked.statusCode() == 400) {
      assertProblem(asked, 400);
    }
  }

  @Test
  void oversizedQuestionsAndHistoriesAreRefused() {
    String session = Api.newSession();
    assertThat(
            assertProblem(
                    Api.postJson(
                        "/api/v1/ask",
                        session,
                        "{\"question\": " + Api.quote("why ".repeat(250_000)) + "}"),
                    422)
                .getString("detail"))
        .contains("2000 characters");
    assertProblem(
        Api.postJson(
            "/api/v1/ask", session, "{\"question\": " + Api.quote("why ".repeat(500_000)) + "}"),
        413);

    StringBuilder history = new StringBuilder("[");
    for (int i = 0; i < 20_000; i++) {
      history.append(i == 0 ? "" : ",").append("{\"role\":\"user\",\"content\":\"hi\"}");
    }
    history.append(']');
    assertThat(
            assertProblem(
                    Api.postJson(
                        "/api/v1/ask",
                        session,
                        "{\"question\": \"why?\", \"history\": " + history + "}"),
                    422)
                .getString("detail"))
        .contains("at most 20 turns");
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertProblem(
        Api.postJson("/api/v1/ask", session, "{\"question\": \"why?\", \"history\": " + deep + "}"),
        400);
  }

  @Test
  void aRepeatedOrHugeSessionHeaderIsA400AndCreatesNothing() {
    String id = UUID.randomUUID().toString();
    assertProblem(Api.get("/api/v1/session/info", Api.SESSION, id, Api.SESSION, id), 400);
    HttpResponse<String> huge = Api.get("/api/v1/session/info", Api.SESSION, "a".repeat(10_240));
    assertThat(huge.statusCode()).isIn(400, 431);
    if (huge.statusCode() == 400) {
      assertProblem(huge, 400);
    }
    assertThat(huge.headers().firstValue(Api.SESSION)).isEmpty();
  }
}

package io.cogentx.it;

import static io.cogentx.it.UiPage.PDFS;
import static io.cogentx.it.UiPage.URL;
import static io.cogentx.it.UiPage.documentTitles;
import static io.cogentx.it.UiPage.textOf;
import static io.cogentx.it.UiPage.waitIndexed;
import static io.cogentx.it.UiPage.waitRowState;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The web UI in a real headless Chromium against the real server: sessions (new, return, delete),
 * uploads with one progress bar and plain-language errors, the session panel, and the conversation
 * kept per session. Answers: {@link WebUiAnswersIT}; accessibility and phones: {@link
 * WebUiAccessibilityIT}. Screenshots go to target/screenshots/.
 */
class WebUiIT {

  private static Browser alice;
  private static Browser bob;

  @TempDir static Path files;

  @BeforeAll
  static void startBrowsers() {
    Browser.assumeAvailable();
    Ollama.fresh(); // answers come from the IT server's Ollama protocol double
    alice = Browser.start();
    bob = Browser.start();
  }

  @AfterAll
  static void stopBrowsers() {
    for (Browser b : new Browser[] {alice, bob}) {
      if (b != null) {
        b.close();
      }
    }
  }

  @BeforeEach
  void freshSessions() {
    for (Browser b : List.of(alice, bob)) {
      b.open(URL);
      b.js("localStorage.clear()");
      b.reload();
      b.clearConsole();
    }
  }

  @Test
  void thePageGetsItsOwnSessionKeepsItOnReloadAndRunsUnderItsContentSecurityPolicy() {
    alice.reload();
    assertThat(alice.consoleErrors()).as("script errors or CSP violations").isEmpty();
    String id = alice.sessionId();
    assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(alice.find("#session-id").getText()).isEqualTo("session " + id.substring(0, 8));

    alice.reload();

    assertThat(alice.sessionId()).isEqualTo(id);
    assertThat(bob.sessionId()).isNotEqualTo(id);
    assertThat(alice.find("#fact-expires").getText()).contains("if idle");
    HttpResponse<String> page = Api.get("/");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
    assertThat(Api.get("/config.js").headers().firstValue("Cache-Control")).hasValue("no-store");
    // the browser libraries come from this server, as JavaScript under the same policy
    for (String library :
        List.of(
            "/vendor/marked/marked.esm.js",
            "/vendor/dompurify/purify.es.mjs",
            "/vendor/pdfjs/pdf.min.mjs",
            "/vendor/pdfjs/pdf.worker.min.mjs")) {
      HttpResponse<String> script = Api.get(library);
      assertThat(script.statusCode()).as(library).isEqualTo(200);
      assertThat(script.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).contains("javascript"));
      assertThat(script.headers().firstValue("Content-Security-Policy")).isPresent();
    }
  }

  @Test
  void theFilePickerOffersEveryTypeTheServerReads() {
    // the loaders' file_extensions (GET /api/v1/plugins), .csv and .log included
    assertThat(alice.find("#file-input").getDomAttribute("accept"))
        .contains(".pdf", ".txt", ".md", ".csv", ".log");
    assertThat(alice.find("#accepted-types").getText()).contains("csv", "log", "pdf");
  }

  @Test
  void twoBrowsersUploadDifferentDocumentsAndNeverSeeEachOthers() throws IOException {
    Path aliceFile =
        text("alice-notes.txt", "Alice keeps the heliotrope ledger. The ledger is blue.");
    Path aliceSecond = text("alice-recipes.md", "# Recipes\n\nAlice bakes rye bread on Sundays.");
    Path bobFile = text("bob-notes.txt", "Bob repairs clocks in the tower on Mondays.");

    alice.chooseFiles(aliceFile, aliceSecond); // several files at once
    bob.chooseFiles(bobFile);

    waitIndexed(alice, 2);
    waitIndexed(bob, 1);
    assertThat(documentTitles(alice)).containsExactlyInAnyOrder("alice-notes.txt", "Recipes");
    assertThat(documentTitles(bob)).containsExactly("bob-notes.txt");
    assertThat(alice.find("#fact-documents").getText()).isEqualTo("2");
    assertThat(alice.findAll(".upload-item .upload-status"))
        .hasSize(2)
        .allSatisfy(s -> assertThat(s.getText()).isEqualTo("Added: 1 passage"));
    assertThat(alice.find("#upload-announcer").getText()).contains("added");
    assertThat(bob.find("#fact-documents").getText()).isEqualTo("1");
    alice.screenshot("two-browsers-alice");
    bob.screenshot("two-browsers-bob");

    // the server agrees: Bob's session cannot find Alice's words
    String bobSearch =
        Api.postJson("/api/v1/search", bob.sessionId(), "{\"query\": \"heliotrope ledger\"}")
            .body();
    assertThat(bobSearch).contains("bob-notes.txt").doesNotContain("alice-notes.txt", "Alice");

    alice.find("#clear-uploads").click();
    assertThat(alice.findAll(".upload-item")).isEmpty();

    alice.reload();
    assertThat(documentTitles(alice)).containsExactlyInAnyOrder("alice-notes.txt", "Recipes");
  }

  @Test
  void theSizeShownIsTheFilesOwnInTheUploadRowAndInTheSessionPanel() throws IOException {
    Path small = text("sixty.txt", "Sixty bytes of plain text about harbour tides and moorings.");
    assertThat(Files.size(small)).isEqualTo(59);

    alice.chooseFiles(small);
    waitIndexed(alice, 1);

    assertThat(alice.find(".upload-item .upload-size").getText()).isEqualTo("59 B");
    assertThat(alice.find(".document .document-meta").getText()).contains("59 B");
    assertThat(alice.find(".document .document-meta").getText()).doesNotContain("KB");
  }

  @Test
  void deletingADocumentRemovesItFromThePanel() throws IOException {
    alice.chooseFiles(text("keep.txt", "This one stays."), text("drop.txt", "This one goes."));
    waitIndexed(alice, 2);

    alice.find(".document[data-id] button[aria-label='Delete drop.txt']").click();

    alice.until().until(d -> documentTitles(alice).equals(List.of("keep.txt")));
    assertThat(alice.find("#fact-documents").getText()).isEqualTo("1");
    String listed = Api.get("/api/v1/documents", Api.SESSION, alice.sessionId()).body();
    assertThat(listed).contains("keep.txt").doesNotContain("drop.txt");
  }

  @Test
  void problemsHaveAPlainTitleAndTheServersReasonBehindDetails() throws IOException {
    alice.chooseFiles(binary("photo.bin"));

    WebElement row = waitRowState(alice, "photo.bin", "failed");
    assertThat(row.findElement(By.cssSelector(".problem-title")).getText())
        .isEqualTo("This file type isn't supported");
    // the accepted types are listed once, under the upload box, not in every failed row
    assertThat(row.findElement(By.cssSelector(".problem-text")).getText())
        .contains("listed under the upload box");
    assertThat(alice.find("#accepted-types").getText()).contains("pdf", "docx", "wav");
    WebElement details = row.findElement(By.cssSelector(".problem-details"));
    assertThat(details.getDomAttribute("open")).isNull();
    assertThat(textOf(details)).contains("Unsupported media type", "HTTP 415");
    details.findElement(By.tagName("summary")).click();
    alice.until().until(d -> row.findElement(By.cssSelector(".problem-detail")).isDisplayed());
    assertThat(alice.findAll(".document")).isEmpty();
    assertThat(alice.find("#upload-announcer").getText())
        .isEqualTo("photo.bin not added: This file type isn't supported");
  }

  @Test
  void aDamagedPdfSaysItCouldNotBeReadWithTheTechnicalCauseOnlyUnderDetails() {
    Path pdf = PDFS.resolve("invalid.pdf");
    Assumptions.assumeTrue(Files.isRegularFile(pdf), "SKIPPED: " + pdf + " is absent");

    alice.chooseFiles(pdf);

    WebElement row = waitRowState(alice, "invalid.pdf", "failed");
    assertThat(row.findElement(By.cssSelector(".problem-title")).getText())
        .isEqualTo("Couldn't read this PDF");
    assertThat(row.findElement(By.cssSelector(".problem-text")).getText())
        .doesNotContainIgnoringCase("trailer")
        .doesNotContain("Unprocessable");
    assertThat(textOf(row.findElement(By.cssSelector(".problem-details"))))
        .contains("Unprocessable content");
  }

  @Test
  void aFileOverTheUploadLimitIsRefusedWithTheLimitNamed() throws IOException {
    Path big = files.resolve("big.txt");
    Files.write(big, new byte[5 * 1024 * 1024]); // the test server's limit is a few MB

    alice.chooseFiles(big);

    WebElement row = waitRowState(alice, "big.txt", "failed");
    assertThat(row.findElement(By.cssSelector(".problem-title")).getText())
        .isEqualTo("This file is too large");
    assertThat(row.findElement(By.cssSelector(".problem-text")).getText()).contains("MB");
  }

  @Test
  void aPasswordProtectedPdfAsksForThePasswordWithoutTakingTheFocusAndOpensWithIt() {
    Path pdf = PDFS.resolve("crazyones-encrypted-256.pdf");
    Assumptions.assumeTrue(Files.isRegularFile(pdf), "SKIPPED: " + pdf + " is absent");
    alice.find("#question").click();

    alice.chooseFiles(pdf);

    WebElement row = waitRowState(alice, pdf.getFileName().toString(), "failed");
    assertThat(row.findElement(By.cssSelector(".problem-title")).getText())
        .isEqualTo("This PDF is password-protected");
    assertThat(textOf(row.findElement(By.cssSelector(".problem-detail"))))
        .startsWith("This PDF is password-protected");
    WebElement password = row.findElement(By.cssSelector(".password-retry input"));
    assertThat(alice.js("return document.activeElement.id")).isEqualTo("question");
    alice.screenshot("password-required");
    password.sendKeys("password");
    row.findElement(By.cssSelector(".password-retry button")).click();

    waitRowState(alice, pdf.getFileName().toString(), "done");
    waitIndexed(alice, 1);
  }

  @Test
  void newSessionOffersToKeepTheOldOneAndListsItToReturnToWithItsConversation() throws IOException {
    alice.chooseFiles(text("first.txt", "The ferry to Skerry leaves at nine every morning."));
    waitIndexed(alice, 1);
    UiPage.ask(alice, "When does the ferry leave?");
    UiPage.waitTurnFinished(alice, 1);
    String first = alice.sessionId();

    alice.find("#new-session").click();
    WebElement dialog =
        alice.until().until(ExpectedConditions.visibilityOfElementLocated(By.id("session-dialog")));
    assertThat(dialog.findElement(By.id("session-dialog-text")).getText())
        .isEqualTo("This session holds 1 document (first.txt) and 1 question.");
    alice.screenshot("new-session-dialog");
    button(dialog, "Keep them and start new").click();

    alice.until().until(d -> !first.equals(alice.sessionId()));
    alice.until().until(ExpectedConditions.textToBe(By.id("fact-documents"), "0"));
    assertThat(alice.findAll(".turn")).isEmpty();
    assertThat(Api.get("/api/v1/documents", Api.SESSION, first).body()).contains("first.txt");

    alice.find("#new-session").click();
    WebElement recent =
        alice
            .until()
            .until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".recent-session")));
    assertThat(recent.getDomAttribute("data-id")).isEqualTo(first);
    assertThat(recent.getText()).contains("first.txt", "1 document");
    button(recent, "Return").click();

    alice.until().until(d -> first.equals(alice.sessionId()));
    alice.until().until(d -> documentTitles(alice).equals(List.of("first.txt")));
    assertThat(alice.find(".turn .question").getText()).isEqualTo("When does the ferry leave?");
  }

  @Test
  void newSessionCanDeleteTheOldOneAndDeleteMyDataWipesDocumentsAndConversation()
      throws IOException {
    alice.chooseFiles(text("old.txt", "Something to delete on the way to a new session."));
    waitIndexed(alice, 1);
    String old = alice.sessionId();
    alice.find("#new-session").click();
    WebElement dialog =
        alice.until().until(ExpectedConditions.visibilityOfElementLocated(By.id("session-dialog")));
    button(dialog, "Delete them and start new").click();
    alice.until().until(d -> !old.equals(alice.sessionId()));
    assertThat(Api.get("/api/v1/documents", Api.SESSION, old).body())
        .contains("\"total_documents\":0");

    alice.chooseFiles(text("second.txt", "The tide turns at noon near the harbour wall."));
    waitIndexed(alice, 1);
    UiPage.ask(alice, "When does the tide turn?");
    UiPage.waitTurnFinished(alice, 1);
    String second = alice.sessionId();
    assertThat(
            alice.js("return localStorage.getItem('cogentx.conversation.' + arguments[0])", second))
        .isNotNull();
    alice.find("#delete-data").click();
    alice.driver.switchTo().alert().accept();

    alice.until().until(d -> !second.equals(alice.sessionId()));
    alice.until().until(ExpectedConditions.textToBe(By.id("fact-documents"), "0"));
    assertThat(alice.findAll(".turn")).isEmpty();
    assertThat(Api.get("/api/v1/documents", Api.SESSION, second).body())
        .contains("\"total_documents\":0");
    assertThat(
            alice.js("return localStorage.getItem('cogentx.conversation.' + arguments[0])", second))
        .as("the conversation kept in this browser is gone too")
        .isNull();
    alice.find("#new-session").click();
    WebElement list =
        alice.until().until(ExpectedConditions.visibilityOfElementLocated(By.id("session-dialog")));
    assertThat(list.getText()).contains("No other sessions in this browser.");
  }

  @Test
  void theConversationAndItsErrorsStayAfterAReload() throws IOException {
    alice.chooseFiles(
        text("harbour.txt", "The harbour master rings the bell at six in the evening."));
    waitIndexed(alice, 1);
    UiPage.ask(alice, "Who rings the bell?");
    UiPage.waitTurnFinished(alice, 1);
    UiPage.ask(alice, "x".repeat(2_100)); // refused in the page: nothing is sent or lost
    assertThat(alice.find("#ask-hint").getText()).contains("2,100 characters", "limit is 2,000");
    assertThat(alice.find("#question").getDomProperty("value")).hasSize(2_100);
    String answer = alice.find(".turn .answer").getText();

    alice.reload();

    assertThat(alice.findAll(".turn")).hasSize(1);
    assertThat(alice.find(".turn h3.question").getText()).isEqualTo("Who rings the bell?");
    assertThat(alice.find(".turn .answer").getText()).isEqualTo(answer);
    assertThat(alice.findAll(".turn .source")).isNotEmpty();
    assertThat(bob.findAll(".turn")).as("another browser's session").isEmpty();
  }

  @Test
  void aCitationChipNamesTheSectionItsPassageIsIn() throws IOException {
    Ollama.fresh().reply("Mara Quinlan lights the lamp [1].");
    alice.chooseFiles(
        text(
            "keepers.html",
            "<html><head><title>Keepers</title></head><body><h1>Lighthouses</h1><h2>Skerry</h2>"
                + "<p>Mara Quinlan, the keeper, lights the lamp every evening.</p><h2>Fastnet</h2>"
                + "<p>The Fastnet light is automatic since 1989.</p></body></html>"));
    waitIndexed(alice, 1);

    alice.find("#question").sendKeys("Who lights the lamp on the Skerry?");
    alice.find("#ask-button").click();

    WebElement chip =
        alice
            .until()
            .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".turn .answer .chip")));
    assertThat(chip.getText()).contains("section Skerry");
    assertThat(chip.getDomAttribute("aria-label")).isEqualTo("Source 1: Keepers, section Skerry");
    assertThat(alice.consoleErrors()).isEmpty();
  }

  @Test
  void aLongPdfShowsOneProgressBarThroughItsStagesInPlainWords() {
    Path pdf = PDFS.resolve("multipage.pdf"); // scanned pages: OCR takes seconds per page
    Assumptions.assumeTrue(Files.isRegularFile(pdf), "SKIPPED: " + pdf + " is absent");
    alice.js(
        "window.statuses = []; window.values = [];"
            + "new MutationObserver(() => document.querySelectorAll('.upload-item').forEach(r => {"
            + " window.statuses.push(r.querySelector('.upload-status').textContent);"
            + " window.values.push(Number(r.querySelector('progress').value)); }))"
            + ".observe(document.getElementById('uploads'),"
            + " {subtree: true, childList: true, characterData: true, attributes: true});");

    alice.chooseFiles(pdf);

    waitRowState(alice, "multipage.pdf", "done");
    @SuppressWarnings("unchecked")
    List<String> statuses = (List<String>) alice.js("return window.statuses");
    @SuppressWarnings("unchecked")
    List<Number> values = (List<Number>) alice.js("return window.values");
    assertThat(statuses)
        .as("the job's stages, from its event stream")
        .anyMatch(s -> s.matches("Reading (scanned )?page \\d+ of \\d+ · \\d+ %.*"))
        .noneMatch(s -> s.matches("(?i).*(chunk|embedding|worker).*"));
    assertThat(statuses.get(statuses.size() - 1)).startsWith("Added: ");
    List<Double> percent = values.stream().map(Number::doubleValue).toList();
    assertThat(percent).as("one bar that never goes back").isSorted();
    assertThat(percent.get(percent.size() - 1)).isEqualTo(100.0);
  }

  @Test
  void whileAFileIsIndexedTheAskBoxSaysSoAndAnswersFromWhatWasReadSoFar() {
    Path pdf = PDFS.resolve("multipage.pdf");
    Assumptions.assumeTrue(Files.isRegularFile(pdf), "SKIPPED: " + pdf + " is absent");

    alice.chooseFiles(pdf);

    alice
        .until()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("ask-hint"),
                "Still indexing 1 file: answers use what has been read so far."));
    UiPage.ask(alice, "What do the scanned pages say?");
    UiPage.waitTurnFinished(alice, 1);
    waitRowState(alice, "multipage.pdf", "done");
    alice.until().until(d -> !alice.find("#ask-hint").isDisplayed());
  }

  // --- helpers

  private static WebElement button(WebElement scope, String text) {
    return scope.findElements(By.tagName("button")).stream()
        .filter(b -> b.getText().equals(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no button '" + text + "' in " + scope.getText()));
  }

  private static Path text(String name, String content) throws IOException {
    return UiPage.text(files, name, content);
  }

  private static Path binary(String name) throws IOException {
    byte[] bytes = new byte[2048];
    new java.util.Random(7).nextBytes(bytes);
    return Files.write(files.resolve(name), bytes);
  }
}

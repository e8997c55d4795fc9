package io.cogentx.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.plugins.generator.ollama.OllamaDouble;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The web UI in a real headless Chromium against the real server: sessions, uploads with progress
 * and errors, the session panel, and asking with citations. Screenshots go to target/screenshots/.
 */
class WebUiIT {

  private static final String PAGE = Api.BASE + "/";
  private static final Path PDFS = Path.of("../shared/data/pdf");

  private static Browser alice;
  private static Browser bob;

  @TempDir static Path files;

  @BeforeAll
  static void startBrowsers() {
    Browser.assumeAvailable();
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
      b.open(PAGE);
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
    assertThat(alice.findAll(".upload-item progress"))
        .hasSize(2)
        .allSatisfy(p -> assertThat(p.getDomProperty("value")).isEqualTo("1"));
    assertThat(alice.find("#upload-announcer").getText()).contains("added");
    assertThat(bob.find("#fact-documents").getText()).isEqualTo("1");
    alice.screenshot("two-browsers-alice");
    bob.screenshot("two-browsers-bob");

    // the server agrees: Bob's session cannot find Alice's words
    String bobSearch =
        Api.postJson("/api/v1/search", bob.sessionId(), "{\"query\": \"heliotrope ledger\"}")
            .body();
    assertThat(bobSearch).contains("bob-notes.txt").doesNotContain("alice-notes.txt", "Alice");

    alice.reload();
    assertThat(documentTitles(alice)).containsExactlyInAnyOrder("alice-notes.txt", "Recipes");
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
  void problemsAreShownWithTitleAndDetail() throws IOException {
    alice.chooseFiles(binary("photo.bin"));

    WebElement row = waitRowState(alice, "photo.bin", "failed");
    assertThat(row.findElement(By.cssSelector(".problem-title")).getText())
        .isEqualTo("Unsupported media type");
    assertThat(row.findElement(By.cssSelector(".problem-detail")).getText()).isNotBlank();
    assertThat(alice.findAll(".document")).isEmpty();
  }

  @Test
  void aFileOverTheUploadLimitIsRefusedWithTheLimitNamed() throws IOException {
    Path big = files.resolve("big.txt");
    Files.write(big, new byte[5 * 1024 * 1024]); // the test server's limit is a few MB

    alice.chooseFiles(big);

    WebElement row = waitRowState(alice, "big.txt", "failed");
    assertThat(row.findElement(By.cssSelector(".problem-title")).getText())
        .isEqualTo("Payload too large");
    assertThat(row.findElement(By.cssSelector(".problem-detail")).getText()).contains("MB");
  }

  @Test
  void aPasswordProtectedPdfAsksForThePasswordAndOpensWithIt() {
    Path pdf = PDFS.resolve("crazyones-encrypted-256.pdf");
    Assumptions.assumeTrue(Files.isRegularFile(pdf), "SKIPPED: " + pdf + " is absent");

    alice.chooseFiles(pdf);

    WebElement row = waitRowState(alice, pdf.getFileName().toString(), "failed");
    assertThat(row.findElement(By.cssSelector(".problem-detail")).getText())
        .startsWith("This PDF is password-protected");
    alice.screenshot("password-required");
    row.findElement(By.cssSelector(".password-retry input")).sendKeys("password");
    row.findElement(By.cssSelector(".password-retry button")).click();

    waitRowState(alice, pdf.getFileName().toString(), "done");
    waitIndexed(alice, 1);
  }

  @Test
  void newSessionStartsEmptyAndDeleteMyDataWipesTheSessionOnTheServer() throws IOException {
    alice.chooseFiles(text("first.txt", "Something to delete later."));
    waitIndexed(alice, 1);
    String first = alice.sessionId();

    alice.find("#new-session").click();
    alice.until().until(d -> !first.equals(alice.sessionId()));
    alice.until().until(ExpectedConditions.textToBe(By.id("fact-documents"), "0"));
    assertThat(alice.findAll(".document")).isEmpty();
    assertThat(Api.get("/api/v1/documents", Api.SESSION, first).body()).contains("first.txt");

    alice.chooseFiles(text("second.txt", "Another thing to delete."));
    waitIndexed(alice, 1);
    String second = alice.sessionId();
    alice.find("#delete-data").click();
    alice.driver.switchTo().alert().accept();

    alice.until().until(d -> !second.equals(alice.sessionId()));
    alice.until().until(ExpectedConditions.textToBe(By.id("fact-documents"), "0"));
    assertThat(Api.get("/api/v1/documents", Api.SESSION, second).body())
        .contains("\"total_documents\":0");
  }

  @Test
  void askingStreamsTheAnswerWithCitationChipsThatOpenTheCitedPassage() throws IOException {
    // the IT server's OLLAMA_BASE_URL is the Ollama protocol double: it sends the first word, then
    // holds the rest until released, so the page must show a partial answer
    OllamaDouble ollama =
        Ollama.fresh()
            .reply("Mara Quinlan, the keeper, lights the lamp every evening [1].")
            .mode(OllamaDouble.Mode.HOLD);
    alice.chooseFiles(
        text(
            "lighthouse.txt",
            "The Skerry lighthouse was built in 1887 on a bare rock. Mara Quinlan, the keeper,"
                + " lights the lamp every evening. She lives on the island with two goats."));
    waitIndexed(alice, 1);

    alice.find("#question").sendKeys("Who lights the lamp every evening?");
    alice.find("#ask-button").click();

    alice.until().until(d -> alice.find(".turn .answer").getText().startsWith("Mara"));
    assertThat(alice.findAll(".turn .answer.streaming")).hasSize(1);
    assertThat(alice.find("#stop-button").isDisplayed()).isTrue();
    assertThat(alice.findAll(".turn .answer .chip")).isEmpty();
    ollama.release();

    WebElement chip =
        alice
            .until()
            .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".turn .answer .chip")));
    alice.until().until(d -> alice.findAll(".turn .answer.streaming").isEmpty());
    assertThat(alice.find(".turn .answer").getText())
        .startsWith("Mara Quinlan, the keeper, lights the lamp every evening");
    assertThat(chip.getText()).contains("1", "lighthouse.txt");
    assertThat(alice.find(".turn .backend-badge").getText())
        .isEqualTo("Answered by Ollama (llama2)");
    WebElement source = alice.find("#" + chip.getDomAttribute("aria-controls"));
    assertThat(source.getDomAttribute("open")).isNull();
    assertThat(source.getDomAttribute("class")).contains("cited");

    chip.click();

    alice.until().until(d -> source.getDomAttribute("open") != null);
    // the chip's state follows the passage's "toggle" event, which the browser fires a task later
    alice.until().until(d -> "true".equals(chip.getDomAttribute("aria-expanded")));
    assertThat(source.findElement(By.cssSelector(".source-text")).getText())
        .contains("Mara Quinlan");
    alice.screenshot("ask-with-citations");
    assertThat(alice.consoleErrors()).isEmpty();
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
    assertThat(chip.getText()).contains("Keepers", "section Skerry");
    assertThat(chip.getDomAttribute("aria-label")).isEqualTo("Source 1: Keepers, section Skerry");
    assertThat(alice.consoleErrors()).isEmpty();
  }

  @Test
  void aLongPdfShowsItsIndexingStagesWhileItsJobRuns() {
    Path pdf = PDFS.resolve("multipage.pdf"); // scanned pages: OCR takes seconds per page
    Assumptions.assumeTrue(Files.isRegularFile(pdf), "SKIPPED: " + pdf + " is absent");
    alice.js(
        "window.statuses = [];"
            + "new MutationObserver(() => document.querySelectorAll('.upload-status')"
            + ".forEach(s => window.statuses.push(s.textContent)))"
            + ".observe(document.getElementById('uploads'),"
            + " {subtree: true, childList: true, characterData: true});");

    alice.chooseFiles(pdf);

    waitRowState(alice, "multipage.pdf", "done");
    @SuppressWarnings("unchecked")
    List<String> statuses = (List<String>) alice.js("return window.statuses");
    assertThat(statuses)
        .as("the job's stages, from its event stream")
        .anyMatch(s -> s.matches(".*(page|chunk) \\d+ of \\d+.*"));
    assertThat(statuses.get(statuses.size() - 1)).startsWith("Indexed: ");
  }

  @Test
  void aQuestionTheDocumentsDoNotAnswerIsMarkedAsNotFound() throws IOException {
    alice.chooseFiles(text("goats.txt", "Goats eat hay and climb steep rocks with ease."));
    waitIndexed(alice, 1);

    alice.find("#question").sendKeys("What is the boiling point of mercury in kelvin?", Keys.ENTER);

    WebElement turn =
        alice
            .until()
            .until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".turn.abstained")));
    assertThat(turn.findElement(By.cssSelector(".abstained-badge")).getText())
        .isEqualTo("Not found in your documents");
    assertThat(turn.findElement(By.cssSelector(".answer")).getText()).isNotBlank();
    assertThat(turn.findElements(By.cssSelector(".answer .chip"))).isEmpty();
    alice.screenshot("ask-abstained");
  }

  // --- helpers

  private static Path text(String name, String content) throws IOException {
    return Files.writeString(files.resolve(name), content);
  }

  private static Path binary(String name) throws IOException {
    byte[] bytes = new byte[2048];
    new java.util.Random(7).nextBytes(bytes);
    return Files.write(files.resolve(name), bytes);
  }

  /** Waits until the session panel lists {@code count} documents and every upload row has ended. */
  private static void waitIndexed(Browser b, int count) {
    b.until()
        .until(
            d ->
                b.findAll(".document").size() == count
                    && b.findAll(".upload-item").stream()
                        .map(r -> r.getDomAttribute("data-state"))
                        .allMatch(s -> Set.of("done", "failed", "cancelled").contains(s)));
  }

  private static WebElement waitRowState(Browser b, String fileName, String state) {
    return b.until()
        .until(
            d ->
                b.findAll(".upload-item").stream()
                    .filter(
                        r ->
                            r.findElement(By.cssSelector(".upload-name"))
                                .getText()
                                .equals(fileName))
                    .filter(r -> state.equals(r.getDomAttribute("data-state")))
                    .findFirst()
                    .orElse(null));
  }

  private static List<String> documentTitles(Browser b) {
    return b.findAll(".document .document-title").stream()
        .map(WebElement::getText)
        .collect(Collectors.toList());
  }
}

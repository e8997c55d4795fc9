package io.cogentx.it;

import static io.cogentx.it.UiPage.URL;
import static io.cogentx.it.UiPage.textOf;
import static io.cogentx.it.UiPage.waitIndexed;
import static io.cogentx.it.UiPage.waitTurnFinished;
import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.plugins.generator.ollama.OllamaDouble;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Answers in a real Chromium: a model's Markdown rendered and sanitised, citation chips opening the
 * passage with the supporting sentence highlighted, extractive answers quoted apart (table rows
 * under their header), abstentions with the closest passages, and nothing a document or a model
 * writes ever running as script. The IT server's Ollama protocol double writes the model's answers.
 */
class WebUiAnswersIT {

  private static Browser alice;

  @TempDir static Path files;

  @BeforeAll
  static void startBrowser() {
    Browser.assumeAvailable();
    Ollama.fresh();
    alice = Browser.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (alice != null) {
      // leave the model as the other tests expect it: answering, its circuit breaker closed
      modelAnswering("Paraffin replaced whale oil [1].");
      alice.close();
    }
  }

  @BeforeEach
  void freshSession() {
    alice.open(URL);
    alice.js("localStorage.clear(); delete document.body.dataset.xss;");
    alice.reload();
    alice.clearConsole();
  }

  @Test
  void aModelsAnswerStreamsThenShowsChipsThatOpenThePassageWithItsSentenceHighlighted()
      throws IOException {
    // the double sends the first word, then holds the rest until released: the page must show a
    // partial answer
    OllamaDouble ollama =
        modelAnswering("Mara Quinlan, the keeper, lights the lamp every evening [1].")
            .mode(OllamaDouble.Mode.HOLD);
    alice.chooseFiles(
        text(
            "lighthouse.txt",
            "The Skerry lighthouse was built in 1887 on a bare rock. Mara Quinlan, the keeper,\n"
                + "lights the lamp every evening. She lives on the island with two goats."));
    waitIndexed(alice, 1);

    alice.find("#question").sendKeys("Who lights the lamp every evening?");
    alice.find("#ask-button").click();

    alice.until().until(d -> alice.find(".turn .answer").getText().startsWith("Mara"));
    assertThat(alice.findAll(".turn .answer.streaming")).hasSize(1);
    assertThat(alice.find("#stop-button").isDisplayed()).isTrue();
    assertThat(alice.findAll(".turn .answer .chip")).isEmpty();
    assertThat(alice.find("#answer-announcer").getText())
        .as("nothing is announced while the answer streams")
        .isEmpty();
    assertThat(alice.find("#question").getDomProperty("value"))
        .as("the box is cleared once the server took the question")
        .isEmpty();
    ollama.release();

    WebElement turn = waitTurnFinished(alice, 1);
    WebElement chip =
        alice
            .until()
            .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".turn .answer .chip")));
    assertThat(turn.findElement(By.cssSelector("h3.question")).getText())
        .isEqualTo("Who lights the lamp every evening?");
    assertThat(turn.findElement(By.cssSelector(".answer p")).getText())
        .startsWith("Mara Quinlan, the keeper, lights the lamp every evening");
    assertThat(chip.getText()).isEqualTo("1");
    assertThat(chip.getDomAttribute("aria-label")).isEqualTo("Source 1: lighthouse.txt");
    assertThat(alice.find(".turn .backend-badge").getText())
        .isEqualTo("Answered by Ollama (llama2)");
    WebElement source = alice.find("#" + chip.getDomAttribute("aria-controls"));
    assertThat(source.getDomAttribute("open")).isNull();
    assertThat(source.findElement(By.cssSelector(".cited-label")).getText()).isEqualTo("cited");

    chip.click();

    alice.until().until(d -> source.getDomAttribute("open") != null);
    alice.until().until(d -> "true".equals(chip.getDomAttribute("aria-expanded")));
    assertThat(
            String.join(
                "",
                source.findElements(By.cssSelector(".source-text mark")).stream()
                    .map(UiPage::textOf)
                    .toList()))
        .as("the sentence the answer rests on, across the passage's line break")
        .isEqualTo("Mara Quinlan, the keeper, lights the lamp every evening.");
    assertThat(source.findElement(By.cssSelector(".source-text p")).getText())
        .as("the line break joined")
        .contains("the keeper, lights the lamp");
    alice
        .until()
        .until(
            ExpectedConditions.textToBe(
                By.id("answer-announcer"),
                "Answer: Mara Quinlan, the keeper, lights the lamp every evening (source 1)."));
    alice.screenshot("ask-with-citations");

    alice.driver.executeCdpCommand(
        "Browser.grantPermissions",
        Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    turn.findElement(By.cssSelector(".copy-button")).click();
    alice
        .until()
        .until(
            ExpectedConditions.textToBePresentInElement(
                turn.findElement(By.cssSelector(".copy-button")), "Copied"));
    Object copied =
        alice.driver.executeAsyncScript(
            "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('' + e));");
    assertThat(copied)
        .isEqualTo(
            "Mara Quinlan, the keeper, lights the lamp every evening [1].\n\nSources:\n[1]"
                + " lighthouse.txt");
    assertThat(alice.consoleErrors()).isEmpty();
  }

  @Test
  void aModelsMarkdownIsRenderedAndNothingItInjectsRuns() throws IOException {
    modelAnswering(
        "Tide tables are in the **red cabinet** [1].\n\n"
            + "- first the cabinet\n- then the drawer\n\n"
            + "| Item | Place |\n|---|---|\n| tide tables | red cabinet |\n\n"
            + "`<b>not bold</b>` and <img src=x onerror=\"document.body.dataset.xss='img'\">"
            + " <script>document.body.dataset.xss='script'</script>"
            + " [open me](javascript:document.body.dataset.xss='link')"
            + " ![tracker](http://127.0.0.1:9/pixel.png)"
            + " <a href=\"javascript:document.body.dataset.xss='a'\">raw link</a>"
            + " [docs](https://example.org/tides)");
    alice.chooseFiles(text("harbour.txt", "The tide tables are kept in the red cabinet."));
    waitIndexed(alice, 1);

    UiPage.ask(alice, "Where are the tide tables?");
    WebElement answer = waitTurnFinished(alice, 1).findElement(By.cssSelector(".answer"));

    assertThat(answer.findElement(By.cssSelector("strong")).getText()).isEqualTo("red cabinet");
    assertThat(answer.findElements(By.cssSelector("ul li"))).hasSize(2);
    assertThat(answer.findElement(By.cssSelector("table th")).getText()).isEqualTo("Item");
    assertThat(answer.findElement(By.cssSelector("code")).getText()).isEqualTo("<b>not bold</b>");
    assertInert(answer);
    assertThat(answer.getText())
        .as("raw HTML is shown as text")
        .contains("<img src=x onerror=", "<script>");
    WebElement safe = answer.findElement(By.cssSelector("a[href='https://example.org/tides']"));
    assertThat(safe.getDomAttribute("rel")).contains("noopener", "noreferrer");
    assertThat(safe.getDomAttribute("target")).isEqualTo("_blank");
  }

  @Test
  void aDocumentsScriptNeverRunsInTheQuotedAnswerOrItsPassage() throws IOException {
    extractiveAnswers();
    alice.chooseFiles(
        text(
            "tides.txt",
            "The tide tables <img src=x onerror=\"document.body.dataset.xss='img'\"> are kept in"
                + " the red cabinet [see](javascript:document.body.dataset.xss='link')"
                + " <script>document.body.dataset.xss='script'</script>."));
    waitIndexed(alice, 1);

    UiPage.ask(alice, "Where are the tide tables kept?");
    WebElement turn = waitTurnFinished(alice, 1);
    turn.findElement(By.cssSelector("details.source summary")).click();

    WebElement answer = turn.findElement(By.cssSelector(".answer"));
    assertThat(turn.findElement(By.cssSelector(".backend-badge")).getText())
        .isEqualTo("Quoted from your documents (no language model)");
    assertThat(answer.findElement(By.cssSelector(".answer-part")).getText())
        .contains("<img src=x onerror=", "[see](javascript:");
    assertThat(turn.findElement(By.cssSelector(".source-text")).getText())
        .contains("<script>document.body.dataset.xss='script'</script>");
    assertInert(turn);
  }

  @Test
  void anExtractiveAnswerShowsItsSentencesApartAndATableRowUnderTheTablesHeader()
      throws IOException {
    extractiveAnswers();
    // table rows as the PDF loader writes them: cells separated by " | "
    alice.chooseFiles(
        text(
            "deductions.txt",
            "Standard deduction chart for 2018.\n\n"
                + "Filing status | Standard deduction\n"
                + "Single | $12,000\n"
                + "Married filing jointly | $24,000\n"
                + "Head of household | $18,000\n\n"
                + "Blind filers add an amount to the standard deduction."));
    waitIndexed(alice, 1);

    UiPage.ask(alice, "What is the standard deduction for married filing jointly?");
    WebElement turn = waitTurnFinished(alice, 1);

    WebElement table = turn.findElement(By.cssSelector(".answer .answer-table table"));
    assertThat(table.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText))
        .containsExactly("Filing status", "Standard deduction");
    assertThat(table.getText()).contains("Married filing jointly", "$24,000");
    assertThat(turn.findElement(By.cssSelector(".answer")).getText())
        .doesNotContain(" | ")
        .startsWith("Found in your documents:");
    assertThat(turn.findElements(By.cssSelector(".answer .answer-part")))
        .as("each quoted sentence apart, with its chip")
        .allSatisfy(part -> assertThat(part.findElements(By.cssSelector(".chip"))).hasSize(1));
    alice.screenshot("extractive-table");
  }

  @Test
  void anAbstentionShowsTheClosestPassagesToCheck() throws IOException {
    alice.chooseFiles(text("goats.txt", "Goats eat hay and climb steep rocks with ease."));
    waitIndexed(alice, 1);

    UiPage.ask(alice, "What is the boiling point of mercury in kelvin?");

    WebElement turn =
        alice
            .until()
            .until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".turn.abstained")));
    assertThat(turn.findElement(By.cssSelector(".abstained-badge")).getText())
        .isEqualTo("Not found in your documents");
    assertThat(turn.findElement(By.cssSelector(".answer")).getText())
        .contains("I could not find this in your documents.", "came closest");
    assertThat(turn.findElements(By.cssSelector(".answer .chip"))).isEmpty();
    assertThat(turn.findElement(By.cssSelector(".sources-heading")).getText())
        .isEqualTo("Closest passages");
    assertThat(textOf(turn.findElement(By.cssSelector("details.source .source-text"))))
        .contains("Goats eat hay");
    assertThat(turn.findElements(By.cssSelector(".cited-label"))).isEmpty();
    alice.screenshot("ask-abstained");
  }

  @Test
  void askingWithNoDocumentsSaysToAddDocumentsFirstAndKeepsTheQuestion() {
    OllamaDouble ollama = Ollama.fresh();
    int calls = ollama.chatRequests();

    UiPage.ask(alice, "What is in my documents?");

    alice
        .until()
        .until(
            ExpectedConditions.textToBe(
                By.id("ask-hint"),
                "Add documents first: answers come only from your own documents."));
    assertThat(alice.find("#ask-hint").getDomAttribute("data-kind")).isEqualTo("error");
    assertThat(alice.find("#question").getDomProperty("value"))
        .isEqualTo("What is in my documents?");
    assertThat(alice.findAll(".turn")).isEmpty();
    assertThat(ollama.chatRequests()).isEqualTo(calls);
  }

  @Test
  void aQuestionWhoseAnswerBreaksOffComesBackToTheBoxWithAPlainError() throws IOException {
    modelAnswering("Paraffin replaced whale oil [1] long ago, as the keepers wrote.")
        .mode(OllamaDouble.Mode.DROP);
    alice.chooseFiles(text("oil.txt", Ask.LIGHTHOUSE));
    waitIndexed(alice, 1);

    UiPage.ask(alice, "What replaced whale oil?");
    WebElement turn = waitTurnFinished(alice, 1);

    assertThat(turn.findElement(By.cssSelector(".problem-title")).getText())
        .isEqualTo("The answer was cut off");
    assertThat(alice.find("#question").getDomProperty("value"))
        .isEqualTo("What replaced whale oil?");
    assertThat(alice.find("#answer-announcer").getText()).isEqualTo("The answer was cut off");
    assertThat(alice.js("return document.activeElement.id")).isEqualTo("question");
  }

  @Test
  void aPdfCitationOpensItsPageInTheBrowserWithThePassageHighlighted() {
    Path pdf = UiPage.PDFS.resolve("multicolumn.pdf");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        java.nio.file.Files.isRegularFile(pdf), "SKIPPED: " + pdf + " is absent");
    extractiveAnswers();
    alice.chooseFiles(pdf);
    waitIndexed(alice, 1);
    String id = alice.find(".document").getDomAttribute("data-id");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Api.get("/api/v1/documents/" + id + "/content", Api.SESSION, alice.sessionId()).statusCode()
            == 200,
        "PENDING: this server does not serve GET /api/v1/documents/{id}/content yet (issue 11)");

    UiPage.ask(alice, "What does Praesent sapien turpis do?");
    WebElement turn = waitTurnFinished(alice, 1);
    WebElement source = turn.findElement(By.cssSelector("details.source.cited"));
    source.findElement(By.tagName("summary")).click();
    WebElement show =
        alice
            .until()
            .until(
                d ->
                    source.findElement(By.cssSelector(".source-page")).isDisplayed()
                        ? source.findElement(By.cssSelector(".source-page"))
                        : null);
    assertThat(show.getText()).matches("Show page \\d+");
    show.click();

    WebElement dialog = alice.find("#page-dialog");
    alice.until().until(d -> "shown".equals(dialog.getDomAttribute("data-state")));
    assertThat(dialog.findElement(By.id("page-dialog-title")).getText())
        .startsWith("multicolumn.pdf, page ")
        .contains(" of ");
    assertThat(dialog.findElement(By.cssSelector(".page-status")).getText())
        .isEqualTo("The cited passage is highlighted.");
    assertThat(
            String.join(
                "",
                dialog.findElements(By.cssSelector(".textLayer .highlight")).stream()
                    .map(UiPage::textOf)
                    .toList()))
        .contains("sapien");
    alice.screenshot("cited-page");
    assertThat(alice.consoleErrors()).as("pdf.js runs under the page's policy").isEmpty();
  }

  // --- helpers

  /** Nothing ran, nothing was loaded, no script link exists and the page logged no violation. */
  private static void assertInert(WebElement scope) {
    assertThat(alice.js("return document.body.dataset.xss ?? null")).isNull();
    assertThat(
            scope.findElements(By.cssSelector("img, script, iframe, object, [onerror], [onclick]")))
        .isEmpty();
    assertThat(scope.findElements(By.cssSelector("a[href^='javascript' i]"))).isEmpty();
    assertThat(alice.consoleErrors()).as("no blocked script or image either").isEmpty();
  }

  /**
   * The double answers with {@code reply}, once the model is back in use: a test before may have
   * left the circuit breaker open (it closes a few seconds later on the next successful call).
   */
  private static OllamaDouble modelAnswering(String reply) {
    OllamaDouble ollama = Ollama.fresh();
    String session = Api.newSession();
    Ask.addText(session, "Probe", Ask.LIGHTHOUSE);
    alice
        .until(Duration.ofSeconds(60))
        .pollingEvery(Duration.ofMillis(500))
        .until(
            d ->
                "ollama"
                    .equals(Ask.json(session, "What replaced whale oil?").getString("backend")));
    return ollama.reply(reply);
  }

  /** The double fails every call, so answers are extractive. */
  private static void extractiveAnswers() {
    Ollama.fresh().mode(OllamaDouble.Mode.ERROR);
  }

  private static Path text(String name, String content) throws IOException {
    return UiPage.text(files, name, content);
  }
}

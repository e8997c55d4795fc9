package io.cogentx.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** What the web UI tests do and read on the page, in one place. */
final class UiPage {

  static final String URL = Api.BASE + "/";

  /**
   * The sample PDFs: beside the repository (CI, the main checkout) or two levels up (worktrees).
   */
  static final Path PDFS =
      Files.isDirectory(Path.of("../shared/data/pdf"))
          ? Path.of("../shared/data/pdf")
          : Path.of("../../shared/data/pdf");

  private UiPage() {}

  static Path text(Path dir, String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  /** Waits until the session panel lists {@code count} documents and every upload row has ended. */
  static void waitIndexed(Browser b, int count) {
    b.until(Duration.ofSeconds(120))
        .until(
            d ->
                b.findAll(".document").size() == count
                    && b.findAll(".upload-item").stream()
                        .map(r -> r.getDomAttribute("data-state"))
                        .allMatch(s -> Set.of("done", "failed", "cancelled").contains(s)));
  }

  static WebElement waitRowState(Browser b, String fileName, String state) {
    return b.until(Duration.ofSeconds(120))
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

  static List<String> documentTitles(Browser b) {
    return b.findAll(".document .document-title").stream().map(WebElement::getText).toList();
  }

  /** Types the question and presses Enter. */
  static void ask(Browser b, String question) {
    WebElement box = b.find("#question");
    box.clear();
    box.sendKeys(question);
    box.sendKeys(org.openqa.selenium.Keys.ENTER);
  }

  /** Waits for the {@code n}th turn (from 1) to finish: answered, failed or stopped. */
  static WebElement waitTurnFinished(Browser b, int n) {
    return b.until()
        .until(
            d -> {
              List<WebElement> turns = b.findAll(".turn");
              if (turns.size() < n) {
                return null;
              }
              WebElement turn = turns.get(n - 1);
              boolean streaming = !turn.findElements(By.cssSelector(".answer.streaming")).isEmpty();
              boolean ended =
                  !turn.findElements(By.cssSelector(".backend-badge, .problem, .badge")).isEmpty();
              return !streaming && ended ? turn : null;
            });
  }

  /** Text of an element whether or not it is shown (a closed disclosure's content). */
  static String textOf(WebElement e) {
    return e.getDomProperty("textContent");
  }
}

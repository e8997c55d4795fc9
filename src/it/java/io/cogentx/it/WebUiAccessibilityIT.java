package io.cogentx.it;

import static io.cogentx.it.UiPage.URL;
import static io.cogentx.it.UiPage.waitIndexed;
import static io.cogentx.it.UiPage.waitRowState;
import static io.cogentx.it.UiPage.waitTurnFinished;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The page as everyone meets it: axe-core finds no serious or critical WCAG 2.1 A/AA problem in
 * light or dark mode (with documents, an answer, its passages and an error on screen, and with the
 * new-session dialog open), and a phone-sized journey (390 × 844) works without the page growing
 * sideways or the question box getting lost below the upload rows.
 */
class WebUiAccessibilityIT {

  private static final List<String> SERIOUS = List.of("serious", "critical");

  private static Browser desk;
  private static Browser phone;

  @TempDir static Path files;

  @BeforeAll
  static void startBrowsers() {
    Browser.assumeAvailable();
    Ollama.fresh()
        .reply("The **harbour master** rings the bell at six [1].\n\n- at six\n- every evening");
    desk = Browser.start();
    phone = Browser.start(390, 844);
    phone.emulatePhone(390, 844);
  }

  @AfterAll
  static void stopBrowsers() {
    for (Browser b : new Browser[] {desk, phone}) {
      if (b != null) {
        b.close();
      }
    }
  }

  @AfterEach
  void lightAgain() {
    desk.darkMode(false);
  }

  @Test
  void noSeriousOrCriticalViolationsInLightAndDarkMode() throws IOException {
    desk.open(URL);
    desk.js("localStorage.clear()");
    desk.reload();
    assertThat(serious(desk)).as("empty page, light").isEmpty();

    desk.chooseFiles(
        text("harbour.txt", "The harbour master rings the bell at six in the evening."),
        binary("photo.bin"));
    waitIndexed(desk, 1);
    waitRowState(desk, "photo.bin", "failed")
        .findElement(By.cssSelector(".problem-details summary"))
        .click();
    UiPage.ask(desk, "Who rings the bell?");
    WebElement turn = waitTurnFinished(desk, 1);
    turn.findElement(By.cssSelector(".answer .chip")).click();
    desk.until().until(d -> !desk.findAll("details.source[open] mark").isEmpty());
    desk.find("#question").sendKeys("x".repeat(2_050)); // the counter, over the limit

    assertThat(serious(desk)).as("light mode").isEmpty();
    desk.screenshot("light");
    desk.darkMode(true);
    desk.until()
        .until(
            d ->
                "rgb(13, 17, 23)"
                    .equals(desk.js("return getComputedStyle(document.body).backgroundColor")));
    assertThat(serious(desk)).as("dark mode").isEmpty();
    desk.screenshot("dark");

    desk.find("#new-session").click();
    desk.until().until(ExpectedConditions.visibilityOfElementLocated(By.id("session-dialog")));
    assertThat(serious(desk)).as("dialog, dark mode").isEmpty();
    desk.darkMode(false);
    assertThat(serious(desk)).as("dialog, light mode").isEmpty();
    assertThat(desk.scriptErrors()).isEmpty();
  }

  @Test
  void onAPhoneTheHeaderIsOneLineAndTheQuestionBoxStaysReachable() throws IOException {
    phone.open(URL);
    phone.js("localStorage.clear()");
    phone.reload();
    Number header =
        (Number) phone.js("return document.querySelector('header').getBoundingClientRect().height");
    assertThat(header.doubleValue()).as("header height").isLessThan(64);
    assertThat(top("#question")).as("question box on the first screen").isLessThan(844);

    Path[] failing = new Path[4];
    for (int i = 0; i < failing.length; i++) {
      failing[i] = binary("scan-" + i + ".bin");
    }
    phone.chooseFiles(failing);
    phone.chooseFiles(text("ferry.txt", "The ferry to Skerry leaves at nine every morning."));
    waitIndexed(phone, 1);
    for (Path f : failing) {
      waitRowState(phone, f.getFileName().toString(), "failed");
    }
    assertThat(top("#question"))
        .as("the question box is not pushed ~1,800 px down by four failed uploads")
        .isLessThan(1_400);

    phone.find("#question").click();
    UiPage.ask(phone, "When does the ferry leave?");
    WebElement turn = waitTurnFinished(phone, 1);
    Number width = (Number) phone.js("return document.documentElement.scrollWidth");
    assertThat(width.intValue()).as("no sideways scrolling").isLessThanOrEqualTo(390);
    assertThat(turn.findElement(By.cssSelector(".answer")).isDisplayed()).isTrue();
    // the sticky question box is on screen while the answer is read
    phone.js(
        "arguments[0].scrollIntoView({block: 'start'})",
        turn.findElement(By.cssSelector(".answer")));
    Number boxBottom =
        (Number)
            phone.js("return document.getElementById('ask-form').getBoundingClientRect().bottom");
    assertThat(boxBottom.doubleValue()).isLessThanOrEqualTo(844.5);
    phone.js("window.scrollTo(0, 0)");
    phone.screenshot("phone");
    assertThat(serious(phone)).as("phone layout").isEmpty();
    assertThat(phone.scriptErrors()).isEmpty();
  }

  // --- helpers

  private static List<String> serious(Browser b) {
    return b.accessibilityViolations().stream()
        .filter(v -> SERIOUS.stream().anyMatch(v::startsWith) || v.startsWith("error"))
        .toList();
  }

  private static double top(String css) {
    return ((Number)
            phone.js(
                "return arguments[0].getBoundingClientRect().top + window.scrollY",
                phone.find(css)))
        .doubleValue();
  }

  private static Path text(String name, String content) throws IOException {
    return UiPage.text(files, name, content);
  }

  private static Path binary(String name) throws IOException {
    byte[] bytes = new byte[2048];
    new java.util.Random(name.hashCode()).nextBytes(bytes);
    return Files.write(files.resolve(name), bytes);
  }
}

package io.cogentx.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.plugins.generator.ollama.OllamaDouble;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * In a real browser: a recording dropped into the page is transcribed, the answer's citation chip
 * reads "jfk.wav 00:05–00:10", and clicking it plays the recording in an audio element from that
 * second, fetched with the session in the query.
 */
class WebUiAudioIT {

  private static Browser browser;

  @BeforeAll
  static void start() {
    Browser.assumeAvailable();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        java.nio.file.Files.isDirectory(AudioIT.AUDIO), "SKIPPED: no shared/data/audio");
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aTimeCitationPlaysTheRecordingFromItsSecond() {
    OllamaDouble ollama = Ollama.fresh().reply("Your country can do things for you [1].");
    browser.open(Api.BASE + "/");
    browser.js("localStorage.clear()");
    browser.reload();
    Path jfk = AudioIT.AUDIO.resolve("jfk.wav");

    browser.chooseFiles(jfk);
    browser
        .until(Duration.ofMinutes(5))
        .until(
            d ->
                browser.findAll(".document").size() == 1
                    && "done".equals(browser.find(".upload-item").getDomAttribute("data-state")));
    assertThat(browser.find(".upload-item").getText()).contains("Transcribed by pocketsphinx");

    browser.find("#question").sendKeys("What can your country do for you?");
    browser.find("#ask-button").click();
    WebElement chip =
        browser
            .until()
            .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".turn .answer .chip")));
    browser.until().until(d -> browser.findAll(".turn .answer.streaming").isEmpty());
    assertThat(chip.getText()).contains("jfk.wav").containsPattern("00:\\d\\d–00:\\d\\d");
    double start = citedStart(chip.getText());

    chip.click();

    WebElement audio =
        browser
            .until()
            .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#player audio")));
    assertThat(audio.getDomAttribute("src"))
        .contains("/api/v1/documents/")
        .contains("/content?session_id=" + browser.sessionId());
    browser
        .until()
        .until(
            d ->
                ((Number) browser.js("return document.querySelector('#player audio').readyState"))
                        .intValue()
                    >= 1);
    double at =
        ((Number) browser.js("return document.querySelector('#player audio').currentTime"))
            .doubleValue();
    assertThat(at).as("the player starts at the cited second").isBetween(start - 1, start + 3);
    assertThat(browser.find("#player .player-label").getText()).startsWith("jfk.wav 00:");
    browser.screenshot("audio-citation-player");
    assertThat(browser.consoleErrors()).isEmpty();
    ollama.reset();
  }

  /** The start second of a chip's "00:05–00:10". */
  private static double citedStart(String chipText) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d\\d):(\\d\\d)–").matcher(chipText);
    assertThat(m.find()).isTrue();
    return Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
  }
}

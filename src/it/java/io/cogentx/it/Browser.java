package io.cogentx.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian {@code chromium} + {@code chromium-driver}) with its own
 * profile: two instances share nothing, like two people's browsers. Tests skip when either is
 * absent.
 */
final class Browser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target/screenshots");
  private static final Path CHROMEDRIVER =
      Path.of(System.getProperty("it.chromedriver", "/usr/bin/chromedriver"));

  final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  static Path chromium() {
    String configured = System.getProperty("it.chromium");
    if (configured != null) {
      return Path.of(configured);
    }
    // the real binary; /usr/bin/chromium is Debian's wrapper script around it
    Path real = Path.of("/usr/lib/chromium/chromium");
    return Files.isExecutable(real) ? real : Path.of("/usr/bin/chromium");
  }

  static void assumeAvailable() {
    Assumptions.assumeTrue(
        Files.isExecutable(chromium()) && Files.isExecutable(CHROMEDRIVER),
        "SKIPPED: browser tests need chromium and chromedriver (Debian packages chromium,"
            + " chromium-driver; .ci/run installs them): "
            + chromium()
            + " or "
            + CHROMEDRIVER
            + " is missing");
  }

  static Browser start() {
    return start(1280, 900);
  }

  /** A browser whose window is {@code width} × {@code height} CSS pixels. */
  static Browser start(int width, int height) {
    assumeAvailable();
    try {
      Path profile = Files.createTempDirectory("cogentx-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(chromium().toFile());
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-dev-shm-usage",
          "--disable-gpu",
          "--window-size=" + width + "," + height,
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--user-data-dir=" + profile);
      LoggingPreferences logs = new LoggingPreferences();
      logs.enable(LogType.BROWSER, Level.ALL);
      options.setCapability("goog:loggingPrefs", logs);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
              .usingAnyFreePort()
              .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
      return new Browser(driver, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens the UI and waits until its first refresh from the server is done. */
  Browser open(String url) {
    driver.get(url);
    waitReady();
    return this;
  }

  void reload() {
    driver.navigate().refresh();
    waitReady();
  }

  private void waitReady() {
    until(Duration.ofSeconds(30))
        .until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
  }

  WebDriverWait until(Duration timeout) {
    WebDriverWait wait = new WebDriverWait(driver, timeout);
    wait.ignoring(StaleElementReferenceException.class); // the panels re-render as data arrives
    return wait;
  }

  WebDriverWait until() {
    return until(Duration.ofSeconds(60));
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  String sessionId() {
    return (String) js("return localStorage.getItem('cogentx.session_id')");
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** Picks files in the page's file input, as the file dialog would (several at once). */
  void chooseFiles(Path... files) {
    StringBuilder paths = new StringBuilder();
    for (Path f : files) {
      paths.append(paths.isEmpty() ? "" : "\n").append(f.toAbsolutePath().normalize());
    }
    find("#file-input").sendKeys(paths);
  }

  /** Forgets what the page logged so far. */
  void clearConsole() {
    driver.manage().logs().get(LogType.BROWSER);
  }

  /** Errors the page logged since the last call (script errors, failed loads, CSP violations). */
  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /**
   * Script errors and policy violations only: not the failed requests a test provoked on purpose.
   */
  List<String> scriptErrors() {
    return consoleErrors().stream().filter(m -> !m.contains("Failed to load resource")).toList();
  }

  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  WebDriver driver() {
    return driver;
  }

  /**
   * Shows the page as a phone of {@code width} × {@code height} CSS pixels would (mobile viewport,
   * touch).
   */
  void emulatePhone(int width, int height) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
    driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true));
  }

  /** Makes the page see {@code prefers-color-scheme: dark} (or light again). */
  void darkMode(boolean dark) {
    driver.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of(
            "features",
            List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
  }

  /**
   * Runs axe-core (the WebJar on the test class path, injected into the page; the page's own policy
   * does not apply to scripts run by the driver) on the whole page and returns its violations of
   * WCAG 2.1 A/AA and best practices as "impact rule: help (n nodes: selectors)".
   */
  @SuppressWarnings("unchecked")
  List<String> accessibilityViolations() {
    js(axeSource());
    Object result =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa',"
                    + " 'wcag21a', 'wcag21aa', 'best-practice']}, resultTypes: ['violations']})"
                    + ".then(r => done(r.violations.map(v => v.impact + ' ' + v.id + ': ' + v.help"
                    + " + ' (' + v.nodes.length + ' nodes: ' + v.nodes.slice(0, 4).map(n =>"
                    + " n.target.join(' ') + (n.any[0] ? ' [' + n.any[0].message + ']' : ''))"
                    + ".join('; ') + ')')), e => done(['error ' + e]));");
    return (List<String>) result;
  }

  private static String axeSource;

  /** axe.min.js from the axe-core WebJar on the test class path. */
  private static synchronized String axeSource() {
    if (axeSource == null) {
      String path =
          "META-INF/resources/webjars/axe-core/"
              + System.getProperty("it.axe.version", "4.6.3")
              + "/axe.min.js";
      try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException("axe-core is not on the test class path: " + path);
        }
        axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return axeSource;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteTree(profile);
    }
  }

  private static void deleteTree(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp dir left behind is harmless
    }
  }
}

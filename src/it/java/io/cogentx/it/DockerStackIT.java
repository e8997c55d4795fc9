package io.cogentx.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.plugins.generator.ollama.OllamaDouble;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Docker deployment end to end: both images are built from the repository's Dockerfiles, the
 * compose stack is started, and everything happens through the frontend's published port as a user
 * does it, in a real Chromium: the page loads, a text PDF and a scanned PDF are indexed (OCR in the
 * image), a question is answered with streaming (the backend reaches an Ollama protocol double on
 * the Docker host as {@code host.docker.internal}, as a user's own Ollama would be), another
 * browser's session sees none of it, the session is deleted; a drop-in plugin jar placed in the
 * {@code config} volume is loaded after a restart; {@code down -v} leaves nothing behind.
 *
 * <p>{@code -Dit.docker.e2e=auto} (the default) runs it when a Docker daemon answers, compose is
 * installed and the base image {@code debian:trixie-slim} is present ({@code .ci/run} starts {@code
 * dockerd} and makes the image with {@code docker/base-image.sh}), and skips it, saying why,
 * otherwise; {@code true} makes a missing Docker a failure, {@code false} skips it. Writes its
 * measurements (build times, image sizes, cold start) to {@code
 * target/docker-it/measurements.json}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DockerStackIT {

  private static final String MODE = System.getProperty("it.docker.e2e", "auto");
  private static final int FRONTEND_PORT = Integer.getInteger("it.docker.frontend.port", 18093);
  private static final int BACKEND_PORT = Integer.getInteger("it.docker.backend.port", 18094);
  private static final int OLLAMA_PORT = Integer.getInteger("it.docker.ollama.port", 18095);
  private static final String FRONT = "http://127.0.0.1:" + FRONTEND_PORT;
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(40);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Map<String, Object> MEASURED = new LinkedHashMap<>();

  private static DockerStack stack;
  private static OllamaDouble ollama;
  private static Browser alice;
  private static Browser bob;
  private static String aliceFirstSession;
  private static boolean down;

  @BeforeAll
  static void buildAndStartTheStack() throws IOException {
    Assumptions.assumeFalse(
        "false".equals(MODE), "SKIPPED: DockerStackIT is switched off (-Dit.docker.e2e=false)");
    String unavailable = DockerStack.unavailable();
    if (unavailable != null && "true".equals(MODE)) {
      Assertions.fail("-Dit.docker.e2e=true, but " + unavailable);
    }
    Assumptions.assumeTrue(
        unavailable == null,
        "SKIPPED: DockerStackIT builds and runs the Docker images, but "
            + unavailable
            + " (.ci/run starts dockerd and makes the base image; -Dit.docker.e2e=true makes this a"
            + " failure)");
    Browser.assumeAvailable();
    Files.createDirectories(DockerStack.LOGS);
    // the machine is shared: times mean little without the load they were taken under
    MEASURED.put("cpus", Runtime.getRuntime().availableProcessors());
    MEASURED.put("load_average_before", loadAverage());

    Path envFile =
        Files.writeString(
            DockerStack.LOGS.resolve("stack.env"),
            String.join(
                "\n",
                "# settings of the stack DockerStackIT starts (COGENTX_ENV_FILE)",
                "LLM_BACKEND=ollama",
                "OLLAMA_BASE_URL=http://host.docker.internal:" + OLLAMA_PORT,
                "OLLAMA_MODEL=llama2",
                "OLLAMA_HEALTH_INTERVAL_SECONDS=0",
                "OCR_MAX_PAGES=2",
                ""));
    stack = new DockerStack("cogentxit" + FRONTEND_PORT, FRONTEND_PORT, BACKEND_PORT, envFile);
    stack.compose(Duration.ofMinutes(2), "down", "-v", "--remove-orphans"); // an earlier run's

    DockerStack.Result base =
        DockerStack.run(List.of("bash", "docker/base-image.sh"), Map.of(), Duration.ofMinutes(10))
            .orFail("docker/base-image.sh");
    MEASURED.put("base_image_seconds", seconds(base.took()));

    DockerStack.Result build = stack.compose(BUILD_TIMEOUT, "build").orFail("compose build");
    Files.writeString(DockerStack.LOGS.resolve("build.log"), build.output());
    MEASURED.put("build_seconds", seconds(build.took()));
    // the backend calls the Ollama double on the Docker host as host.docker.internal, which compose
    // maps to the host's address on the default bridge (host-gateway): the double listens there
    String hostGateway =
        DockerStack.docker(
                Duration.ofMinutes(1),
                "run",
                "--rm",
                "--add-host",
                "host.docker.internal:host-gateway",
                "--entrypoint",
                "getent",
                "cogentx-frontend:latest",
                "hosts",
                "host.docker.internal")
            .orFail("resolving host.docker.internal in a container")
            .output()
            .strip()
            .split("\\s+")[0];
    InetAddress gateway = InetAddress.getByName(hostGateway);
    assertThat(gateway.isLoopbackAddress()).as("host-gateway " + hostGateway).isFalse();
    ollama = OllamaDouble.start(gateway, OLLAMA_PORT);

    for (String service : List.of("backend", "frontend")) {
      String image = "cogentx-" + service + ":latest";
      String bytes =
          DockerStack.docker(Duration.ofSeconds(30), "image", "inspect", "-f", "{{.Size}}", image)
              .orFail("image inspect " + image)
              .output()
              .strip();
      MEASURED.put(service + "_image_mb", Math.round(Long.parseLong(bytes) / 1e6));
    }

    Instant start = Instant.now();
    stack.compose(START_TIMEOUT, "up", "-d").orFail("compose up");
    stack.awaitHealthy("backend", START_TIMEOUT);
    awaitOk("/api/v1/plugins", START_TIMEOUT);
    MEASURED.put("cold_start_seconds", seconds(Duration.between(start, Instant.now())));
    MEASURED.put("load_average_after_start", loadAverage());
    stack.awaitHealthy("frontend", Duration.ofMinutes(1));

    alice = Browser.start();
    bob = Browser.start();
  }

  @AfterAll
  static void stopTheStack() throws IOException {
    for (Browser b : new Browser[] {alice, bob}) {
      if (b != null) {
        b.close();
      }
    }
    if (stack != null && !down) {
      saveLogs();
      stack.compose(Duration.ofMinutes(2), "down", "-v", "--remove-orphans");
    }
    if (ollama != null) {
      ollama.close();
    }
    if (!MEASURED.isEmpty()) {
      String json =
          MEASURED.entrySet().stream()
              .map(e -> "  \"" + e.getKey() + "\": " + e.getValue())
              .collect(Collectors.joining(",\n", "{\n", "\n}\n"));
      Files.writeString(DockerStack.LOGS.resolve("measurements.json"), json);
      System.out.println("DockerStackIT measured: " + MEASURED);
    }
  }

  @Test
  @Order(1)
  void thePageLoadsThroughTheFrontendWithASessionOfItsOwn() {
    alice.open(FRONT + "/");
    bob.open(FRONT + "/");

    assertThat(alice.consoleErrors()).as("script errors or CSP violations").isEmpty();
    assertThat(alice.sessionId())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
        .isNotEqualTo(bob.sessionId());
    assertThat(alice.find("#fact-documents").getText()).isEqualTo("0");
    HttpResponse<String> page = get("/", null);
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
    // only the API is proxied: health and metrics stay on the backend's own port
    assertThat(get("/health/ready", null).statusCode()).isEqualTo(404);
    assertThat(backend("/health/ready").statusCode()).isEqualTo(200);
    assertThat(Api.json(backend("/health/ready")).toString())
        .as("the backend reaches the Ollama double on the host")
        .containsPattern("reachable\":\"?true");
  }

  @Test
  @Order(2)
  void aTextPdfAndAScannedPdfAreIndexedTheScanThroughOcrInTheImage() {
    Path text = pdf("google-doc-document.pdf");
    Path scan = pdf("linn.pdf");

    alice.chooseFiles(text, scan);

    alice
        .until(Duration.ofMinutes(3))
        .until(
            d ->
                alice.findAll(".document").size() == 2
                    && alice.findAll(".upload-item").stream()
                        .map(r -> r.getDomAttribute("data-state"))
                        .allMatch(s -> Set.of("done", "failed", "cancelled").contains(s)));
    assertThat(
            alice.findAll(".document .document-title").stream().map(WebElement::getText).toList())
        .containsExactlyInAnyOrder("PDF Example Document", "linn.pdf");
    // the scanned brochure has no text layer: its words are found only because tesseract ran
    JsonObject hit = searchHit(alice.sessionId(), "how many sequences and tracks", "100 sequences");
    assertThat(hit.getInt("page")).isEqualTo(1);
    alice.screenshot("docker-two-pdfs");
  }

  @Test
  @Order(3)
  void aQuestionIsAnsweredWithStreamingThroughNginxFromTheHostsOllama() {
    ollama
        .reset()
        .reply("The LinnSequencer records 32 polyphonic tracks [1].")
        .mode(OllamaDouble.Mode.HOLD);

    alice.find("#question").sendKeys("How many tracks does the LinnSequencer record?");
    alice.find("#ask-button").click();

    // the double has sent only its first piece: the page shows it while the answer streams
    alice.until().until(d -> alice.find(".turn .answer").getText().startsWith("The"));
    assertThat(alice.findAll(".turn .answer.streaming"))
        .as("still streaming: %s", alice.find(".turn").getText())
        .hasSize(1);
    assertThat(alice.findAll(".turn .answer .chip")).isEmpty();
    ollama.release();

    WebElement chip =
        alice
            .until()
            .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".turn .answer .chip")));
    alice.until().until(d -> alice.findAll(".turn .answer.streaming").isEmpty());
    assertThat(alice.find(".turn .answer").getText())
        .startsWith("The LinnSequencer records 32 polyphonic tracks");
    assertThat(chip.getDomAttribute("aria-label")).contains("linn.pdf", "p. 1");
    assertThat(alice.find(".turn .backend-badge").getText())
        .isEqualTo("Answered by Ollama (llama2)");
    assertThat(alice.consoleErrors()).isEmpty();
    alice.screenshot("docker-ask");
  }

  @Test
  @Order(4)
  void anotherBrowsersSessionSeesNoneOfIt() {
    bob.reload();

    assertThat(bob.find("#fact-documents").getText()).isEqualTo("0");
    assertThat(bob.findAll(".document")).isEmpty();
    JsonObject search =
        Api.json(
            postJson(
                "/api/v1/search",
                bob.sessionId(),
                "{\"query\": \"LinnSequencer sequences tracks\", \"k\": 5}"));
    assertThat(search.getJsonArray("results")).isEmpty();
    assertThat(Api.json(get("/api/v1/documents", alice.sessionId())).getInt("total_documents"))
        .isEqualTo(2);
  }

  @Test
  @Order(5)
  void deletingTheSessionRemovesItsDocumentsFromTheServer() {
    aliceFirstSession = alice.sessionId();

    alice.find("#delete-data").click();
    alice.driver.switchTo().alert().accept();

    alice.until().until(d -> !aliceFirstSession.equals(alice.sessionId()));
    alice.until().until(ExpectedConditions.textToBe(By.id("fact-documents"), "0"));
    assertThat(Api.json(get("/api/v1/documents", aliceFirstSession)).getInt("total_documents"))
        .isZero();
  }

  @Test
  @Order(6)
  void aPluginJarDroppedIntoTheConfigVolumeIsLoadedAfterARestart() throws IOException {
    // the worked example of docs/writing-a-plugin.md, which the server's WAR does not contain
    Path jar = Path.of("target/it-plugins/cogentx-loader-subtitles.jar");
    assertThat(jar).as("copied there in pre-integration-test (server.pom.xml)").isRegularFile();
    assertThat(loaderNames()).doesNotContain("subtitles");

    DockerStack.docker(
            Duration.ofMinutes(1),
            "cp",
            jar.toString(),
            stack.container("backend") + ":/app/config/plugins/")
        .orFail("docker cp into the config volume");
    Instant restart = Instant.now();
    stack.compose(Duration.ofMinutes(3), "restart", "backend").orFail("compose restart backend");
    stack.awaitHealthy("backend", START_TIMEOUT);
    awaitOk("/api/v1/plugins", START_TIMEOUT);
    MEASURED.put("restart_seconds", seconds(Duration.between(restart, Instant.now())));

    assertThat(Api.json(get("/api/v1/plugins", null)).getJsonArray("plugin_jars").toString())
        .contains("cogentx-loader-subtitles.jar");
    assertThat(loaderNames()).contains("subtitles");
    // the plugin's own code reads the file: the cue is found with its time
    String session = UUID.randomUUID().toString();
    HttpResponse<String> upload =
        Api.send(
            new Multipart()
                .file("file", "lecture.srt", "application/x-subrip", SRT.getBytes(UTF_8))
                .postTo(
                    HttpRequest.newBuilder(URI.create(FRONT + "/api/v1/documents?wait=true"))
                        .timeout(Duration.ofMinutes(2)),
                    session));
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
    assertThat(Api.json(upload).getString("loader")).isEqualTo("subtitles");
    JsonObject hit =
        searchHit(session, "since when does La Rance produce electricity", "since 1966");
    assertThat(hit.getJsonNumber("start_seconds").doubleValue()).as("cited by time").isEqualTo(1.0);
  }

  @Test
  @Order(7)
  void downWithVolumesLeavesNoContainerVolumeOrNetworkBehind() throws IOException {
    assertThat(stack.leftovers()).as("the running stack").isNotEmpty();

    saveLogs();
    stack.compose(Duration.ofMinutes(2), "down", "-v").orFail("compose down -v");
    down = true;

    assertThat(stack.leftovers()).isEmpty();
  }

  // --- helpers

  private static final String SRT =
      """
      1
      00:00:01,000 --> 00:00:04,000
      Welcome to the lecture on tidal power.

      2
      00:02:13,500 --> 00:02:41,000
      The barrage at La Rance has produced electricity since 1966.
      """;

  private static List<String> loaderNames() {
    return Api.json(get("/api/v1/plugins", null))
        .getJsonObject("kinds")
        .getJsonArray("loaders")
        .getValuesAs(JsonObject.class)
        .stream()
        .map(l -> l.getString("name"))
        .toList();
  }

  /** The stack's output so far, in target/docker-it/stack.log. */
  private static void saveLogs() throws IOException {
    Files.writeString(
        DockerStack.LOGS.resolve("stack.log"),
        stack.compose(Duration.ofMinutes(1), "logs", "--no-color", "--timestamps").output());
  }

  private static Path pdf(String name) {
    String configured = System.getProperty("it.data.dir");
    List<Path> candidates =
        configured != null
            ? List.of(Path.of(configured))
            : List.of(Path.of("../shared/data"), Path.of("../../shared/data"));
    for (Path data : candidates) {
      Path file = data.resolve("pdf").resolve(name);
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    Assumptions.abort("SKIPPED: " + name + " is not in " + candidates + " (-Dit.data.dir=...)");
    return null;
  }

  private static JsonObject searchHit(String session, String query, String mustContain) {
    HttpResponse<String> response =
        postJson(
            "/api/v1/search",
            session,
            "{\"query\": " + Api.quote(query) + ", \"k\": 5, \"mode\": \"hybrid\"}");
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

  private static void awaitOk(String path, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int status = -1;
    while (System.nanoTime() < deadline) {
      try {
        status =
            HTTP.send(
                    HttpRequest.newBuilder(URI.create(FRONT + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status == 200) {
          return;
        }
      } catch (IOException notYet) {
        status = -1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      DockerStack.sleep(Duration.ofMillis(250));
    }
    throw new AssertionError(FRONT + path + " answered " + status + " for " + timeout);
  }

  /** A request to the backend's own published port (operators' endpoints). */
  private static HttpResponse<String> backend(String path) {
    return Api.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + BACKEND_PORT + path))
            .timeout(Duration.ofSeconds(30)));
  }

  private static HttpResponse<String> get(String path, String session) {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create(FRONT + path)).timeout(Duration.ofSeconds(60)).GET();
    if (session != null) {
      r.header(Api.SESSION, session);
    }
    return Api.send(r);
  }

  private static HttpResponse<String> postJson(String path, String session, String body) {
    return Api.send(
        HttpRequest.newBuilder(URI.create(FRONT + path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .header(Api.SESSION, session)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** The 1-minute load average (Linux), or -1. */
  private static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static double seconds(Duration d) {
    return Math.round(d.toMillis() / 100.0) / 10.0;
  }
}

package io.cogentx.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The office loader as a drop-in (issue 19): a third server runs the WAR built without it (no Tika
 * parsers, no POI), refuses a Word file, then gets the loader's single jar in its plugins directory
 * and a restart, lists the loader from that jar, and reads every file of ../shared/data/office
 * (SOURCES.md, section 4) each into a session of its own: each file ends as questions.jsonl says,
 * and every question is answered (extractively: this server has no model) with the expected words
 * in the answer or the passage it cites, cited to the right file at the right slide, sheet or
 * section.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DropInOfficeIT {

  private static final String BASE =
      System.getProperty("it.office.base.url", "http://127.0.0.1:18097");
  private static final Path SERVER_DIR =
      Path.of(System.getProperty("it.office.server.dir", "target/liberty"));
  private static final Path WLP = Path.of(System.getProperty("it.wlp.dir", "target/liberty/wlp"));
  private static final Path PLUGINS =
      Path.of(System.getProperty("it.office.plugins.dir", "target/it-office-plugins"));
  private static final Path JAR =
      Path.of(System.getProperty("it.office.jar", "target/it-office-jar/plugin.jar"));
  private static final Path WAR =
      Path.of(System.getProperty("it.office.war", "target/without-office/cogentx.war"));
  private static final Optional<Path> DATA =
      Stream.of("../shared/data/office", "../../shared/data/office", "/work/shared/data/office")
          .map(Path::of)
          .filter(Files::isDirectory)
          .findFirst();

  /** Where the answer to a file's question must be cited: a part of the location. */
  private static final Map<String, String> WHERE =
      Map.ofEntries(
          Map.entry("autogen-paper-slides.pptx", "slide 2"),
          Map.entry("nestle-2023-half-year-segments-multisheet.xlsx", "sheet OS-Rev.and results"),
          Map.entry("hitchhikers-guide-wikipedia-footnotes.odt", "section Background"),
          Map.entry("costa-rica-tour-itinerary.rtf", "Day 7"),
          Map.entry("wikipedia-microsoft-article.html", "Founding"),
          Map.entry("winter-sports-in-switzerland-gutenberg.epub", "CHAPTER III"),
          Map.entry("email-with-text-attachment.eml", "attachment fake-attachment.txt"),
          Map.entry("parental-involvement-title-i-guidance-2004.doc", "C-13"),
          Map.entry("duck-observations-legacy.xls", "sheet Duck Observations"),
          Map.entry("summer-activities-duck-table.docx", "section Let’s eat"));

  /**
   * Questions the extractive answerer (no model on this server) does not answer: "What does the
   * text file attached to this e-mail say?" shares almost no word with the attachment's one line,
   * so the server abstains. With a model the passage it is given answers it.
   */
  private static final java.util.Set<String> EXTRACTIVE_MISSES =
      java.util.Set.of("email-with-text-attachment.eml");

  private JsonObject pluginsBefore;
  private HttpResponse<String> wordBefore;
  private JsonObject pluginsAfter;

  /** One session per file, so each question is asked of its own file only. */
  private final Map<String, String> sessions = new LinkedHashMap<>();

  private final Map<String, JsonObject> questions = new LinkedHashMap<>();
  private final Map<String, JsonObject> jobs = new LinkedHashMap<>();
  private final List<String> serverErrors = new ArrayList<>();

  @BeforeAll
  void dropTheLoaderInAndReadEveryFile() throws Exception {
    assumeThat(DATA).as("shared/data/office").isPresent();
    awaitReady(Duration.ofMinutes(3));
    pluginsBefore = Api.json(get("/api/v1/plugins", null));
    String probe = newSession();
    wordBefore =
        Api.send(
            upload(
                probe, "summer-activities-duck-table.docx", null, "/api/v1/documents?wait=true"));

    Files.createDirectories(PLUGINS);
    Files.copy(JAR, PLUGINS.resolve(JAR.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    server("stop");
    server("start");
    awaitReady(Duration.ofMinutes(3));
    pluginsAfter = Api.json(get("/api/v1/plugins", null));

    for (String line : Files.readAllLines(DATA.get().resolve("questions.jsonl"))) {
      if (!line.isBlank()) {
        JsonObject q = parse(line);
        questions.put(q.getString("file"), q);
      }
    }
    Map<String, String> jobIds = new LinkedHashMap<>();
    for (String file : questions.keySet()) {
      String session = newSession();
      sessions.put(file, session);
      HttpResponse<String> accepted = Api.send(upload(session, file, null, "/api/v1/documents"));
      record(file, accepted);
      assertThat(accepted.statusCode()).as(file + ": " + accepted.body()).isEqualTo(202);
      jobIds.put(file, Api.json(accepted).getString("id"));
    }
    for (Map.Entry<String, String> job : jobIds.entrySet()) {
      jobs.put(
          job.getKey(),
          awaitJob(job.getValue(), sessions.get(job.getKey()), Duration.ofMinutes(5)));
    }
  }

  @AfterAll
  void takeTheJarOutAgain() throws IOException {
    Files.deleteIfExists(PLUGINS.resolve(JAR.getFileName()));
  }

  @Test
  void theServerWithoutTheLoaderHasNoneOfItsLibrariesAndRefusesWordFiles() throws IOException {
    try (ZipFile war = new ZipFile(WAR.toFile())) {
      List<String> libs =
          war.stream().map(e -> e.getName()).filter(n -> n.startsWith("WEB-INF/lib/")).toList();
      assertThat(libs).isNotEmpty().noneMatch(n -> n.contains("tika-parser") || n.contains("poi-"));
      assertThat(libs).noneMatch(n -> n.contains("cogentx-loader-office"));
    }
    assertThat(loaderNames(pluginsBefore)).doesNotContain("office").contains("pdf", "text");
    assertThat(wordBefore.statusCode()).as(wordBefore.body()).isEqualTo(415);
  }

  @Test
  void afterTheJarIsDroppedInTheLoaderIsListedFromItWithItsFormatsAndSettings() {
    assertThat(pluginsAfter.getJsonArray("plugin_jars").toString())
        .contains(JAR.getFileName().toString());
    JsonObject office =
        pluginsAfter
            .getJsonObject("kinds")
            .getJsonArray("loaders")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(l -> l.getString("name").equals("office"))
            .findFirst()
            .orElseThrow();
    assertThat(office.getBoolean("active")).isTrue();
    assertThat(office.getJsonArray("file_extensions").toString())
        .contains("\"docx\"", "\"xlsx\"", "\"pptx\"", "\"odt\"", "\"epub\"", "\"eml\"", "\"csv\"");
    assertThat(office.getJsonArray("settings").toString())
        .contains("OFFICE_MAX_CHARACTERS", "OFFICE_TIMEOUT_SECONDS");
  }

  @Test
  void everyFileEndsAsItsLineSaysAndNoAnswerIsAServerError() {
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, JsonObject> entry : questions.entrySet()) {
      JsonObject job = jobs.get(entry.getKey());
      boolean refused = entry.getValue().containsKey("expect");
      if (refused) {
        JsonObject problem = job.getJsonObject("problem");
        if (!job.getString("state").equals("failed")
            || problem.getInt("status") != 422
            || problem.getString("detail").length() < 30
            || !problem.getString("reason", "").matches("password-required|damaged")) {
          wrong.add(entry.getKey() + ": expected 422, got " + job);
        }
      } else if (!job.getString("state").equals("succeeded")
          || !job.getJsonObject("document").getString("loader").equals("office")) {
        wrong.add(entry.getKey() + ": expected it indexed, got " + job);
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(serverErrors).isEmpty();
    assertThat(get("/health/ready", null).statusCode()).isEqualTo(200);
  }

  @Test
  void everyQuestionIsAnsweredFromItsFileAndCitedWhereTheAnswerIs() {
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, JsonObject> entry : questions.entrySet()) {
      JsonObject q = entry.getValue();
      if (q.containsKey("expect")) {
        continue;
      }
      String file = entry.getKey();
      String documentId = jobs.get(file).getJsonObject("document").getString("id");
      HttpResponse<String> response =
          Api.send(
              request("/api/v1/ask")
                  .header("Content-Type", "application/json")
                  .header("Accept", "application/json")
                  .header(Api.SESSION, sessions.get(file))
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"question\": " + Api.quote(q.getString("q")) + "}")));
      record("ask " + file, response);
      JsonObject reply = Api.json(response);
      List<String> answers =
          q.getJsonArray("a").getValuesAs(v -> ((jakarta.json.JsonString) v).getString());
      List<JsonObject> cited = reply.getJsonArray("citations").getValuesAs(JsonObject.class);
      String answer = reply.getString("answer");
      List<JsonObject> fromTheFile =
          cited.stream()
              .filter(c -> c.getString("document_id").equals(documentId))
              .filter(
                  c ->
                      answers.stream()
                          .anyMatch(a -> answer.contains(a) || c.getString("text").contains(a)))
              .toList();
      if (fromTheFile.isEmpty() && EXTRACTIVE_MISSES.contains(file)) {
        // a known miss of the extractive answerer (docs/office.md): the passage with the answer is
        // still found, from its file, with its location, among the sources shown
        boolean found =
            reply.getJsonArray("sources").getValuesAs(JsonObject.class).stream()
                .anyMatch(
                    c ->
                        c.getString("document_id").equals(documentId)
                            && c.getString("location", "").contains(WHERE.get(file))
                            && answers.stream().anyMatch(a -> c.getString("text").contains(a)));
        if (!found) {
          wrong.add(file + ": '" + q.getString("q") + "' not even found: " + reply);
        }
      } else if (fromTheFile.isEmpty()) {
        wrong.add(file + ": '" + q.getString("q") + "' answered " + reply);
      } else if (WHERE.containsKey(file)
          && fromTheFile.stream()
              .noneMatch(c -> c.getString("location", "").contains(WHERE.get(file)))
          // the passage that holds the answer ranks first, with its location, even where the
          // extractive answer quotes a neighbouring passage that also holds the words (C-16 for
          // C-13)
          && !reply
              .getJsonArray("sources")
              .getJsonObject(0)
              .getString("location", "")
              .contains(WHERE.get(file))) {
        wrong.add(
            file
                + ": cited at "
                + fromTheFile.stream().map(c -> c.getString("location", "(none)")).toList()
                + ", expected "
                + WHERE.get(file)
                + ": "
                + reply);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void theRightPasswordOpensAProtectedWordFile() {
    HttpResponse<String> opened =
        Api.send(
            upload(
                newSession(),
                "ENCRYPTED-word-password-tika.docx",
                "tika",
                "/api/v1/documents?wait=true"));
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    assertThat(Api.json(opened).getString("loader")).isEqualTo("office");
  }

  // --- the third server ---

  private static void server(String action) throws IOException, InterruptedException {
    ProcessBuilder command =
        new ProcessBuilder(
                WLP.resolve("bin/server").toString(), action, SERVER_DIR.getFileName().toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    command.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = command.start();
    assertThat(process.waitFor(4, TimeUnit.MINUTES)).as("server " + action).isTrue();
  }

  private static void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (get("/health/ready", null).statusCode() == 200) {
          return;
        }
      } catch (UncheckedIOException notYet) {
        // not listening yet
      }
      Api.sleep(Duration.ofMillis(500));
    }
    throw new AssertionError("the office test server was not ready within " + timeout);
  }

  private static List<String> loaderNames(JsonObject plugins) {
    return plugins
        .getJsonObject("kinds")
        .getJsonArray("loaders")
        .getValuesAs(JsonObject.class)
        .stream()
        .map(l -> l.getString("name"))
        .toList();
  }

  private void record(String what, HttpResponse<String> response) {
    if (response.statusCode() >= 500) {
      serverErrors.add(what + ": " + response.statusCode() + " " + response.body());
    }
  }

  private JsonObject awaitJob(String id, String session, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      HttpResponse<String> r = get("/api/v1/jobs/" + id, session);
      record("job " + id, r);
      JsonObject job = Api.json(r);
      String state = job.getString("state");
      if (!state.equals("queued") && !state.equals("running")) {
        return job;
      }
      assertThat(System.nanoTime()).as("job " + id + " still " + state).isLessThan(deadline);
      Api.sleep(Duration.ofMillis(200));
    }
  }

  private static HttpRequest.Builder upload(
      String session, String file, String password, String path) {
    Multipart form = new Multipart();
    try {
      form.file(
          "file",
          file,
          "application/octet-stream",
          Files.readAllBytes(DATA.orElseThrow().resolve(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (password != null) {
      form.field("password", password);
    }
    return form.post(URI.create(BASE + path), session);
  }

  private static String newSession() {
    return get("/api/v1/session/info", null).headers().firstValue(Api.SESSION).orElseThrow();
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(120));
  }

  private static HttpResponse<String> get(String path, String session) {
    HttpRequest.Builder r = request(path).GET();
    if (session != null) {
      r.header(Api.SESSION, session);
    }
    return Api.send(r);
  }

  private static JsonObject parse(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}

package io.cogentx.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/: the compose file matches the seed's deployment and runs with Debian's docker-compose v1
 * as well as v2; the Dockerfiles start from a public image only and copy what exists. DockerStackIT
 * builds and runs them for real (with -Dit.docker.e2e=true, as .ci/run does).
 */
class DockerDeploymentTest {

  private static final Path COMPOSE = Path.of("docker/docker-compose.yml");

  /** The image both Dockerfiles start from; docker/base-image.sh provides it without a registry. */
  private static final String BASE_IMAGE = "debian:trixie-slim";

  private static final Pattern COPY =
      Pattern.compile("^(?:COPY|ADD)\\s+(.*)$", Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);

  @SuppressWarnings("unchecked")
  private static Map<String, Object> compose() throws IOException {
    return (Map<String, Object>) new Yaml().load(Files.readString(COMPOSE));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> service(String name) throws IOException {
    Map<String, Object> services = (Map<String, Object>) compose().get("services");
    assertThat(services).as("services").containsKey(name);
    return (Map<String, Object>) services.get(name);
  }

  @Test
  void theStackIsTheSeedsFrontendOn3000AndBackendOn8000WithPortsAUserCanMove() throws IOException {
    assertThat(list(service("frontend").get("ports")))
        .containsExactly("${FRONTEND_PORT:-3000}:8080");
    assertThat(list(service("backend").get("ports"))).containsExactly("${BACKEND_PORT:-8000}:8000");
    assertThat(Files.readString(Path.of("nginx/nginx.conf")))
        .as("the frontend's nginx listens (unprivileged) where the compose file publishes")
        .contains("listen 8080;", "server backend:8000 max_fails=1 fail_timeout=10s;");
    assertThat(service("backend").get("environment").toString()).contains("API_PORT=8000");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theDefaultStackRunsOnlyWhatItBuildsAndOllamaIsAnOptionalProfile() throws IOException {
    Map<String, Object> services = (Map<String, Object>) compose().get("services");
    for (Map.Entry<String, Object> e : services.entrySet()) {
      Map<String, Object> s = (Map<String, Object>) e.getValue();
      if (!s.containsKey("build")) {
        assertThat(s)
            .as("%s is pulled from a registry, so it must be opt-in (a profile)", e.getKey())
            .containsKey("profiles");
      }
    }
    assertThat(services.keySet()).containsExactlyInAnyOrder("frontend", "backend", "ollama");
    assertThat(list(service("ollama").get("profiles"))).containsExactly("ollama");
    assertThat(service("ollama").get("image").toString()).startsWith("ollama/ollama");
    assertThat(service("backend")).doesNotContainKeys("profiles", "depends_on");
    // an Ollama on the Docker host is reached by name on every engine (20.10+: host-gateway)
    assertThat(list(service("backend").get("extra_hosts")))
        .containsExactly("host.docker.internal:host-gateway");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theBackendKeepsItsDataInTheSeedsNamedVolumes() throws IOException {
    Map<String, Object> volumes = (Map<String, Object>) compose().get("volumes");
    assertThat(volumes).containsKeys("vector_db", "config", "session_data");
    List<String> mounts = (List<String>) service("backend").get("volumes");
    assertThat(mounts)
        .contains(
            "vector_db:/app/vector_db", "config:/app/config", "session_data:/app/session_data");
    assertThat(service("backend").get("environment").toString())
        .contains(
            "VECTOR_DB_DIRECTORY=/app/vector_db",
            "PLUGINS_DIRECTORY=/app/config/plugins",
            "UPLOAD_SPOOL_DIRECTORY=/app/session_data/uploads",
            "DOCUMENT_FILES_DIRECTORY=/app/session_data/documents");
    Map<String, Object> services = (Map<String, Object>) compose().get("services");
    for (Object s : services.values()) {
      for (Object mount :
          (List<Object>) ((Map<String, Object>) s).getOrDefault("volumes", List.of())) {
        String name = mount.toString().split(":")[0];
        assertThat(volumes).as("volume %s is declared", name).containsKey(name);
      }
    }
  }

  @Test
  void healthChecksAreTheImagesOwnAndTheFrontendWaitsForTheBackendsReadiness() throws IOException {
    assertThat(healthCheck("backend")).contains("curl -fsS", "/health/ready");
    assertThat(healthCheck("frontend")).contains("curl -fsS", "http://127.0.0.1:8080/");
    assertThat(service("frontend").get("depends_on").toString())
        .contains("backend={condition=service_healthy}");
  }

  @Test
  void theImagesStartFromPublicDebianRunAsNonRootAndAreLabelled() throws IOException {
    for (String s : List.of("backend", "frontend")) {
      String dockerfile = dockerfile(s);
      List<String> allowed = new ArrayList<>(List.of(BASE_IMAGE));
      Matcher from =
          Pattern.compile("(?m)^FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?$").matcher(dockerfile);
      int stages = 0;
      while (from.find()) {
        stages++;
        assertThat(from.group(1))
            .as("%s: FROM the public base image or an earlier stage", s)
            .isIn(allowed);
        if (from.group(2) != null) {
          allowed.add(from.group(2));
        }
      }
      assertThat(stages).as(s + " stages").isPositive();
      assertThat(dockerfile)
          .as("%s: no '# syntax=' line (it makes BuildKit fetch a frontend from a registry)", s)
          .doesNotContainPattern("(?im)^#\\s*syntax\\s*=");
      Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)$").matcher(dockerfile);
      String last = null;
      while (user.find()) {
        last = user.group(1);
      }
      assertThat(last).as(s + ": the user the container runs as").isNotNull();
      assertThat(last).as(s + ": the user the container runs as").isNotIn("root", "0");
      assertThat(dockerfile)
          .contains("org.opencontainers.image.title=", "org.opencontainers.image.licenses=")
          .containsPattern("(?m)^CMD \\[");
    }
  }

  @Test
  void theBackendImageHasTheOcrAndAudioTools() throws IOException {
    assertThat(dockerfile("backend"))
        .contains("tesseract-ocr tesseract-ocr-eng", "ffmpeg pocketsphinx pocketsphinx-en-us");
  }

  @Test
  void theBaseImageScriptMakesTheImageTheDockerfilesNameUnderItsPublicName() throws IOException {
    Path script = Path.of("docker/base-image.sh");
    String text = Files.readString(script);
    Matcher suite = Pattern.compile("suite=\\$\\{DEBIAN_SUITE:-(\\w+)}").matcher(text);
    assertThat(suite.find()).as("docker/base-image.sh names its Debian suite").isTrue();
    assertThat(text).contains("tag=${BASE_IMAGE:-debian:$suite-slim}");
    assertThat("debian:" + suite.group(1) + "-slim").isEqualTo(BASE_IMAGE);
    assertThat(Files.isExecutable(script)).as(script + " is executable").isTrue();
  }

  @Test
  @SuppressWarnings("unchecked")
  void settingsComeFromOneEnvFileByDefaultTheCommittedExampleOfEveryDefault() throws IOException {
    for (String s : List.of("frontend", "backend")) {
      List<Object> envFiles = (List<Object>) service(s).get("env_file");
      assertThat(envFiles).as(s).containsExactly("${COGENTX_ENV_FILE:-../.env.example}");
    }
    assertThat(COMPOSE.resolveSibling("../.env.example").normalize()).isRegularFile();
    assertThat(Files.readString(Path.of(".env.example")))
        .contains("API_BASE_URL=", "MAX_UPLOAD_MEGABYTES=", "OLLAMA_MODEL=");
  }

  /**
   * A value .env.example sets is the default docs/configuration.md states, so copying the example
   * to .env changes nothing by surprise (it once kept abstention values the code had replaced).
   * API_HOST is the one deliberate difference: the example binds IPv4 explicitly.
   */
  @Test
  void theEnvExampleSetsTheDefaultsTheReadmeStates() throws IOException {
    Map<String, String> documented = new java.util.HashMap<>();
    Matcher row =
        Pattern.compile("(?m)^\\| `([A-Z0-9_]+)` \\| `([^`]*)`")
            .matcher(Files.readString(Path.of("docs/configuration.md")));
    while (row.find()) {
      documented.put(row.group(1), row.group(2));
    }
    Map<String, String> example = new java.util.TreeMap<>();
    for (String line : Files.readAllLines(Path.of(".env.example"))) {
      Matcher m = Pattern.compile("^([A-Z0-9_]+)=(.*)$").matcher(line.strip());
      if (m.matches() && documented.containsKey(m.group(1)) && !m.group(1).equals("API_HOST")) {
        example.put(m.group(1), m.group(2));
      }
    }
    assertThat(example).as("settings both files name").hasSizeGreaterThan(20);
    example.forEach(
        (key, value) ->
            assertThat(value).as(key + " in .env.example").isEqualTo(documented.get(key)));
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyBuildContextDockerfileAndCopiedPathExists() throws IOException {
    Map<String, Object> services = (Map<String, Object>) compose().get("services");
    List<String> built = new ArrayList<>();
    for (Map.Entry<String, Object> e : services.entrySet()) {
      Object build = ((Map<String, Object>) e.getValue()).get("build");
      if (build == null) {
        continue;
      }
      Map<String, Object> b = (Map<String, Object>) build;
      Path context = COMPOSE.getParent().resolve(b.get("context").toString()).normalize();
      Path dockerfile = context.resolve(b.get("dockerfile").toString());
      assertThat(dockerfile).as(e.getKey() + " Dockerfile").isRegularFile();
      for (String source : copiedPaths(Files.readString(dockerfile))) {
        assertThat(context.resolve(source)).as("%s copies %s", dockerfile, source).exists();
      }
      built.add(e.getKey());
    }
    assertThat(built).containsExactlyInAnyOrder("frontend", "backend");
  }

  @Test
  void theCopyLinterSeesEverySourceAndSkipsOtherStages() {
    String dockerfile =
        "FROM x AS build\nCOPY pom.xml server.pom.xml ./\nCOPY --chown=1:0 liberty/a liberty/b /c/\n"
            + "COPY --from=build /src/target/x.war /config/apps/\nADD webapp/ /html/\n";

    assertThat(copiedPaths(dockerfile))
        .containsExactly("pom.xml", "server.pom.xml", "liberty/a", "liberty/b", "webapp/");
  }

  @Test
  void dockerComposeAcceptsTheFile() throws Exception {
    List<String> compose = composeCommand();
    Assumptions.assumeTrue(
        compose != null,
        "SKIPPED: neither docker-compose (v1) nor the docker compose plugin (v2) is installed;"
            + " the compose file was only checked structurally");
    List<String> command = new ArrayList<>(compose);
    command.addAll(List.of("-f", COMPOSE.toString(), "--profile", "ollama", "config", "--quiet"));
    Result config = run(command);
    assertThat(config.exitCode).as(config.output).isZero();
    assertThat(config.output).as("warnings, e.g. of a variable without a default").isBlank();
  }

  /** docker-compose (v1, Debian's 1.29) or docker compose (v2), whichever answers. */
  private static List<String> composeCommand() throws IOException, InterruptedException {
    for (List<String> c : List.of(List.of("docker-compose"), List.of("docker", "compose"))) {
      List<String> version = new ArrayList<>(c);
      version.add("version");
      if (run(version).exitCode == 0) {
        return c;
      }
    }
    return null;
  }

  private static String dockerfile(String service) throws IOException {
    return Files.readString(Path.of("docker/" + service + ".Dockerfile"));
  }

  /** The command of the Dockerfile's HEALTHCHECK (continuation lines joined). */
  private static String healthCheck(String service) throws IOException {
    Matcher m =
        Pattern.compile("(?m)^HEALTHCHECK((?:[^\\n]*\\\\\\n)*[^\\n]*)$")
            .matcher(dockerfile(service));
    assertThat(m.find()).as(service + " has a HEALTHCHECK").isTrue();
    return m.group(1).replaceAll("\\\\\\n\\s*", " ");
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object yaml) {
    assertThat(yaml).isInstanceOf(List.class);
    return (List<Object>) yaml;
  }

  /** The sources of every COPY/ADD that reads the build context (not another stage). */
  static List<String> copiedPaths(String dockerfile) {
    List<String> sources = new ArrayList<>();
    Matcher m = COPY.matcher(dockerfile);
    while (m.find()) {
      List<String> words = new ArrayList<>(List.of(m.group(1).trim().split("\\s+")));
      if (words.stream().anyMatch(w -> w.startsWith("--from="))) {
        continue;
      }
      words.removeIf(w -> w.startsWith("--"));
      sources.addAll(words.subList(0, words.size() - 1));
    }
    return sources;
  }

  record Result(int exitCode, String output) {}

  static Result run(List<String> command) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException notInstalled) {
      return new Result(-1, notInstalled.getMessage());
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Result(-1, out);
    }
    return new Result(p.exitValue(), out);
  }
}

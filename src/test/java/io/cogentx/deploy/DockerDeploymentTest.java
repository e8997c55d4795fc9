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
 * docker/: the compose file matches the seed's deployment, and everything the compose file and the
 * Dockerfiles name exists in the repository (no Docker engine here to build them).
 */
class DockerDeploymentTest {

  private static final Path COMPOSE = Path.of("docker/docker-compose.yml");
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
  void theStackIsTheSeedsFrontendOn3000BackendOn8000AndOllama() throws IOException {
    assertThat(list(service("frontend").get("ports"))).containsExactly("3000:80");
    assertThat(list(service("backend").get("ports"))).containsExactly("8000:8000");
    assertThat(service("ollama").get("image").toString()).startsWith("ollama/ollama");
    assertThat(service("backend").get("environment").toString())
        .contains("OLLAMA_BASE_URL=http://ollama:11434", "API_PORT=8000");
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
  @SuppressWarnings("unchecked")
  void healthchecksUseMicroProfileHealthAndTheFrontendWaitsForIt() throws IOException {
    assertThat(((Map<String, Object>) service("backend").get("healthcheck")).get("test").toString())
        .contains("http://127.0.0.1:8000/health/ready");
    assertThat(service("frontend").get("depends_on").toString())
        .contains("backend={condition=service_healthy}");
    for (String s : List.of("frontend", "backend", "ollama")) {
      assertThat(service(s)).as(s).containsKey("healthcheck");
    }
  }

  @Test
  void whisperAndPostgresAreOptionalProfiles() throws IOException {
    assertThat(list(service("whisper").get("profiles"))).containsExactly("whisper");
    assertThat(list(service("postgres").get("profiles"))).containsExactly("postgres");
    assertThat(service("backend")).doesNotContainKey("profiles");
  }

  @Test
  @SuppressWarnings("unchecked")
  void settingsComeFromTheRootEnvFileWhoseExampleIsCommitted() throws IOException {
    assertThat(Path.of(".env.example")).isRegularFile();
    for (String s : List.of("frontend", "backend")) {
      List<Map<String, Object>> envFiles = (List<Map<String, Object>>) service(s).get("env_file");
      assertThat(envFiles).as(s).hasSize(1);
      assertThat(COMPOSE.resolveSibling(envFiles.get(0).get("path").toString()).normalize())
          .isEqualTo(Path.of(".env"));
      assertThat(envFiles.get(0).get("required")).isEqualTo(false);
    }
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

  @Test
  void dockerComposeAcceptsTheFile() throws Exception {
    Assumptions.assumeTrue(
        run(List.of("docker", "compose", "version")).exitCode == 0,
        "SKIPPED: the docker client with the compose plugin is not installed; the compose file was"
            + " only checked structurally");
    Result config =
        run(
            List.of(
                "docker",
                "compose",
                "-f",
                COMPOSE.toString(),
                "--profile",
                "whisper",
                "--profile",
                "postgres",
                "config",
                "--quiet"));
    assertThat(config.exitCode).as(config.output).isZero();
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

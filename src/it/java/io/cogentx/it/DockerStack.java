package io.cogentx.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The repository's compose stack ({@code docker/docker-compose.yml}) under a project name of its
 * own, driven through the real {@code docker} and {@code docker-compose} clients. Ports, the env
 * file and the images' build all go through the compose file's own variables, as a user's would.
 */
final class DockerStack {

  static final Path COMPOSE_FILE = Path.of("docker/docker-compose.yml");
  static final Path LOGS = Path.of("target/docker-it");

  /** The docker.io package's client: it builds with BuildKit (another client on PATH may not). */
  static final String DOCKER =
      System.getProperty(
          "it.docker.client",
          Files.isExecutable(Path.of("/usr/bin/docker")) ? "/usr/bin/docker" : "docker");

  final String project;
  final int frontendPort;
  final int backendPort;
  final Path envFile;

  DockerStack(String project, int frontendPort, int backendPort, Path envFile) {
    this.project = project;
    this.frontendPort = frontendPort;
    this.backendPort = backendPort;
    this.envFile = envFile;
  }

  record Result(int exitCode, String output, Duration took) {
    Result orFail(String what) {
      if (exitCode != 0) {
        throw new AssertionError(what + " failed (exit " + exitCode + "):\n" + tail(output));
      }
      return this;
    }
  }

  /** Compose v1 ({@code docker-compose}, Debian's 1.29) when installed, else the v2 plugin. */
  static List<String> composeCommand() {
    String configured = System.getProperty("it.docker.compose");
    if (configured != null && !configured.isBlank()) {
      return List.of(configured.trim().split("\\s+"));
    }
    if (run(List.of("docker-compose", "version"), Map.of(), Duration.ofSeconds(30)).exitCode == 0) {
      return List.of("docker-compose");
    }
    return List.of(DOCKER, "compose");
  }

  /** Why the stack cannot run here, or null when docker and compose answer. */
  static String unavailable() {
    Result info =
        run(
            List.of(DOCKER, "info", "--format", "{{.ServerVersion}}"),
            Map.of(),
            Duration.ofSeconds(30));
    if (info.exitCode != 0) {
      return "the Docker daemon does not answer (" + DOCKER + " info: " + tail(info.output) + ")";
    }
    List<String> version = new ArrayList<>(composeCommand());
    version.add("version");
    Result compose = run(version, Map.of(), Duration.ofSeconds(30));
    if (compose.exitCode != 0) {
      return "neither docker-compose nor the compose plugin is installed: " + tail(compose.output);
    }
    Result base =
        run(
            List.of(DOCKER, "image", "inspect", "debian:trixie-slim"),
            Map.of(),
            Duration.ofSeconds(30));
    if (base.exitCode != 0) {
      return "the base image debian:trixie-slim is missing (make it with sudo docker/base-image.sh)";
    }
    return null;
  }

  /** The environment every compose command gets: the compose file's variables and BuildKit. */
  Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("FRONTEND_PORT", Integer.toString(frontendPort));
    env.put("BACKEND_PORT", Integer.toString(backendPort));
    env.put("COGENTX_ENV_FILE", envFile.toAbsolutePath().toString());
    // compose v1 builds through the docker CLI it finds first on PATH, with BuildKit
    env.put("COMPOSE_DOCKER_CLI_BUILD", "1");
    env.put("DOCKER_BUILDKIT", "1");
    Path client = Path.of(DOCKER);
    if (client.getParent() != null) {
      env.put("PATH", client.getParent() + ":" + System.getenv().getOrDefault("PATH", ""));
    }
    return env;
  }

  Result compose(Duration timeout, String... args) {
    List<String> command = new ArrayList<>(composeCommand());
    command.addAll(List.of("-p", project, "-f", COMPOSE_FILE.toString()));
    command.addAll(List.of(args));
    return run(command, environment(), timeout);
  }

  static Result docker(Duration timeout, String... args) {
    List<String> command = new ArrayList<>(List.of(DOCKER));
    command.addAll(List.of(args));
    return run(command, Map.of(), timeout);
  }

  /** The id of the service's container. */
  String container(String service) {
    return compose(Duration.ofSeconds(60), "ps", "-q", service)
        .orFail("compose ps " + service)
        .output()
        .strip();
  }

  /** Docker's health status of the service's container: starting, healthy or unhealthy. */
  String health(String service) {
    String id = container(service);
    if (id.isEmpty()) {
      return "absent";
    }
    return docker(Duration.ofSeconds(30), "inspect", "-f", "{{.State.Health.Status}}", id)
        .output()
        .strip();
  }

  /**
   * Waits until the service's container reports healthy (an unhealthy one may still recover: a slow
   * start on a loaded machine); fails with its log when it does not within the timeout.
   */
  void awaitHealthy(String service, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String status = "";
    while (System.nanoTime() < deadline) {
      status = health(service);
      if (status.equals("healthy")) {
        return;
      }
      sleep(Duration.ofMillis(500));
    }
    throw new AssertionError(
        service
            + " is "
            + status
            + " after "
            + timeout
            + "; its log:\n"
            + tail(
                compose(Duration.ofSeconds(60), "logs", "--no-color", "--tail", "80", service)
                    .output()));
  }

  /** The names of this project's containers, volumes and networks that still exist. */
  List<String> leftovers() {
    String label = "label=com.docker.compose.project=" + project;
    List<String> left = new ArrayList<>();
    for (List<String> query :
        List.of(
            List.of("ps", "-a", "--filter", label, "--format", "container {{.Names}}"),
            List.of("volume", "ls", "--filter", label, "--format", "volume {{.Name}}"),
            List.of("network", "ls", "--filter", label, "--format", "network {{.Name}}"))) {
      Result r =
          docker(Duration.ofSeconds(30), query.toArray(String[]::new)).orFail("docker " + query);
      r.output().lines().filter(l -> !l.isBlank()).forEach(left::add);
    }
    // volumes and networks carry the project's name even without labels (compose v1 names them so)
    Result volumes =
        docker(Duration.ofSeconds(30), "volume", "ls", "-q", "--filter", "name=" + project + "_");
    volumes
        .output()
        .lines()
        .filter(l -> !l.isBlank())
        .map(l -> "volume " + l)
        .filter(l -> !left.contains(l))
        .forEach(left::add);
    return left;
  }

  static Result run(List<String> command, Map<String, String> env, Duration timeout) {
    long start = System.nanoTime();
    try {
      Files.createDirectories(LOGS);
      Path out = Files.createTempFile(LOGS, "command-", ".log");
      ProcessBuilder pb =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
      pb.environment().putAll(env);
      Process p;
      try {
        p = pb.start();
      } catch (IOException notInstalled) {
        Files.deleteIfExists(out);
        return new Result(-1, notInstalled.getMessage(), Duration.ZERO);
      }
      boolean ended = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!ended) {
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      }
      String output = Files.readString(out, StandardCharsets.UTF_8);
      Files.deleteIfExists(out);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      if (!ended) {
        return new Result(-1, "timed out after " + timeout + ": " + command + "\n" + output, took);
      }
      return new Result(p.exitValue(), output, took);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String tail(String output) {
    List<String> lines = output.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

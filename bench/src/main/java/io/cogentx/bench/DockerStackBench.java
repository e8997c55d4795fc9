package io.cogentx.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * The Docker deployment's costs: time to build both images (warm, or cold with {@code --cold}:
 * build cache and images removed first), the images' sizes with the backend's layers, and the
 * stack's cold start, {@code compose up -d} until the frontend answers {@code /api/v1/plugins},
 * over several runs (each from a fresh {@code down -v}). Needs a running dockerd, docker-compose
 * (v1) or the compose plugin, and the base image ({@code docker/base-image.sh}). The machine is
 * shared: the 1-minute load average is recorded with every time. Run with {@code bench/run.sh
 * DockerStackBench [--runs=3] [--cold] [--port=18096]}.
 */
public final class DockerStackBench {

  private static final Path COMPOSE_FILE = Path.of("docker/docker-compose.yml");
  private static final String DOCKER =
      Files.isExecutable(Path.of("/usr/bin/docker")) ? "/usr/bin/docker" : "docker";
  private static final String PROJECT = "cogentxbench";

  private final int frontendPort;
  private final int backendPort;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private DockerStackBench(int frontendPort) {
    this.frontendPort = frontendPort;
    this.backendPort = frontendPort + 1;
  }

  public static void main(String[] args) throws Exception {
    BenchArgs a = BenchArgs.parse(args);
    int runs = a.intOption("runs", 3);
    boolean cold = a.flag("cold");
    DockerStackBench bench = new DockerStackBench(a.intOption("port", 18096));
    BenchResult result = new BenchResult("docker-stack");
    result.put("docker", docker("version", "--format", "{{.Server.Version}}").strip());
    result.put("compose", String.join(" ", compose()));

    bench.compose(Duration.ofMinutes(2), "down", "-v", "--remove-orphans");
    if (cold) {
      for (String image : List.of("cogentx-backend:latest", "cogentx-frontend:latest")) {
        run(List.of(DOCKER, "image", "rm", image), Map.of(), Duration.ofMinutes(1));
      }
      docker("builder", "prune", "-af");
    }
    double load = loadAverage();
    long start = System.nanoTime();
    bench.compose(Duration.ofMinutes(60), "build");
    double buildSeconds = seconds(start);
    result.put(cold ? "cold_build_seconds" : "warm_build_seconds", Stats.round(buildSeconds, 1));
    result.put("build_load_average_before", load);

    Map<String, Object> sizes = new LinkedHashMap<>();
    for (String service : List.of("backend", "frontend")) {
      String image = "cogentx-" + service + ":latest";
      sizes.put(
          service + "_mb",
          Math.round(
              Long.parseLong(docker("image", "inspect", "-f", "{{.Size}}", image).strip()) / 1e6));
    }
    result.put("image_sizes", sizes);
    result.put("backend_layers_mb", layers("cogentx-backend:latest"));

    double[] starts = new double[runs];
    List<Object> perRun = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      double before = loadAverage();
      long t0 = System.nanoTime();
      bench.compose(Duration.ofMinutes(10), "up", "-d");
      bench.awaitFrontend(Duration.ofMinutes(10));
      starts[i] = seconds(t0);
      perRun.add(Map.of("seconds", Stats.round(starts[i], 1), "load_average_before", before));
      bench.compose(Duration.ofMinutes(2), "down", "-v");
    }
    result.put("cold_start_runs", perRun.size());
    result.put("cold_start_seconds_median", Stats.round(Stats.median(starts), 1));
    result.put("cold_start_seconds_max", Stats.round(Stats.max(starts), 1));
    result.put("cold_start", perRun);
    result.write(
        String.format(
            "%s build %.0f s; backend %s MB, frontend %s MB; stack cold start (up -d until the"
                + " frontend answers the API) median %.1f s of %d (load average %.1f before the"
                + " first)",
            cold ? "cold" : "warm",
            buildSeconds,
            sizes.get("backend_mb"),
            sizes.get("frontend_mb"),
            Stats.median(starts),
            runs,
            ((Number) ((Map<?, ?>) perRun.get(0)).get("load_average_before")).doubleValue()));
  }

  /** The image's layers with what made them, largest first, in MB (empty layers left out). */
  private static Map<String, Object> layers(String image) {
    Map<String, Object> layers = new LinkedHashMap<>();
    String history =
        docker(
            "history",
            "--human=false",
            "--no-trunc",
            "--format",
            "{{.Size}}\t{{.CreatedBy}}",
            image);
    history
        .lines()
        .map(l -> l.split("\t", 2))
        .filter(p -> p.length == 2 && Long.parseLong(p[0]) > 1_000_000)
        .sorted((x, y) -> Long.compare(Long.parseLong(y[0]), Long.parseLong(x[0])))
        .forEach(
            p -> {
              String what = p[1].isBlank() ? "base image" : p[1].replaceAll("\\s+", " ").strip();
              layers.put(
                  what.length() > 90 ? what.substring(0, 90) + "…" : what,
                  Math.round(Long.parseLong(p[0]) / 1e6));
            });
    return layers;
  }

  private void awaitFrontend(Duration timeout) throws InterruptedException {
    URI uri = URI.create("http://127.0.0.1:" + frontendPort + "/api/v1/plugins");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // the frontend is not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(uri + " did not answer 200 within " + timeout);
  }

  private String compose(Duration timeout, String... args) {
    List<String> command = new ArrayList<>(compose());
    command.addAll(List.of("-p", PROJECT, "-f", COMPOSE_FILE.toString()));
    command.addAll(List.of(args));
    Map<String, String> env = new LinkedHashMap<>();
    env.put("FRONTEND_PORT", Integer.toString(frontendPort));
    env.put("BACKEND_PORT", Integer.toString(backendPort));
    env.put("COMPOSE_DOCKER_CLI_BUILD", "1");
    env.put("DOCKER_BUILDKIT", "1");
    env.put("PATH", Path.of(DOCKER).toAbsolutePath().getParent() + ":" + System.getenv("PATH"));
    return run(command, env, timeout);
  }

  private static List<String> compose() {
    try {
      run(List.of("docker-compose", "version"), Map.of(), Duration.ofSeconds(30));
      return List.of("docker-compose");
    } catch (IllegalStateException | UncheckedIOException noV1) {
      return List.of(DOCKER, "compose");
    }
  }

  private static String docker(String... args) {
    List<String> command = new ArrayList<>(List.of(DOCKER));
    command.addAll(List.of(args));
    return run(command, Map.of(), Duration.ofMinutes(5));
  }

  /** Runs a command; its output, or an exception with it when it fails. */
  private static String run(List<String> command, Map<String, String> env, Duration timeout) {
    try {
      Path out = Files.createTempFile("cogentx-bench-", ".log");
      try {
        ProcessBuilder pb =
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly();
          throw new IllegalStateException("timed out after " + timeout + ": " + command);
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
          throw new IllegalStateException(command + " failed (" + p.exitValue() + "):\n" + output);
        }
        return output;
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}

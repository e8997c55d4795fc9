package io.cogentx.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real nginx process (Debian's) running the repository's {@code nginx/nginx.conf} with a temp
 * prefix: the config's deployment-specific lines (port, backend, web root) are replaced, each of
 * which must occur exactly once, so the tested file and the Docker image's file are the same one.
 */
final class Nginx implements AutoCloseable {

  static final Path SOURCE = Path.of("nginx/nginx.conf");
  static final Path WEB_ROOT = Path.of("webapp");
  private static final Path BINARY = Path.of(System.getProperty("it.nginx", "/usr/sbin/nginx"));

  final int port;
  final Path prefix;
  private final Process process;

  private Nginx(int port, Path prefix, Process process) {
    this.port = port;
    this.prefix = prefix;
    this.process = process;
  }

  static void assumeAvailable() {
    Assumptions.assumeTrue(
        Files.isExecutable(BINARY),
        "SKIPPED: nginx tests need nginx (Debian package nginx-light; .ci/run installs it): "
            + BINARY
            + " is missing");
  }

  /** The config as the Docker image has it, with this test's port, backend and web root. */
  static String render(int port, String backend, Path webRoot, Path prefix) {
    return render(port, List.of(backend), webRoot, prefix);
  }

  /** The config with one upstream {@code server} line per backend. */
  static String render(int port, List<String> backends, Path webRoot, Path prefix) {
    String source = read(SOURCE);
    Map<String, String> lines = new LinkedHashMap<>();
    lines.put("listen 8080;", "listen 127.0.0.1:" + port + ";");
    String upstream = "server backend:8000 max_fails=1 fail_timeout=10s;";
    lines.put(
        upstream,
        String.join(
            "\n        ",
            backends.stream().map(b -> upstream.replace("backend:8000", b)).toList()));
    lines.put("root /usr/share/nginx/html;", "root " + webRoot.toAbsolutePath().normalize() + ";");
    String rendered = source;
    for (Map.Entry<String, String> e : lines.entrySet()) {
      rendered = replaceOnce(rendered, e.getKey(), e.getValue());
    }
    // a process of its own: temp files and logs inside the prefix, not in /var
    return replaceOnce(
        rendered,
        "http {\n",
        "http {\n"
            + "    access_log "
            + prefix.resolve("access.log")
            + ";\n"
            + "    client_body_temp_path "
            + prefix.resolve("client_body")
            + ";\n"
            + "    proxy_temp_path "
            + prefix.resolve("proxy")
            + ";\n");
  }

  static String replaceOnce(String text, String target, String replacement) {
    int first = text.indexOf(target);
    assertThat(first)
        .as(
            "nginx/nginx.conf must contain '%s' (the tests and the Docker entrypoint rewrite it)",
            target)
        .isNotNegative();
    assertThat(text.indexOf(target, first + 1))
        .as("nginx/nginx.conf must contain '%s' only once", target)
        .isNegative();
    return text.substring(0, first) + replacement + text.substring(first + target.length());
  }

  /** Writes the rendered config into a fresh prefix; returns the config file. */
  static Path prepare(int port, String backend) {
    return prepare(port, List.of(backend));
  }

  static Path prepare(int port, List<String> backends) {
    assumeAvailable();
    try {
      Path prefix = Files.createTempDirectory("cogentx-nginx-");
      // workers run unprivileged: they must reach the prefix
      Files.setPosixFilePermissions(prefix, PosixFilePermissions.fromString("rwxr-xr-x"));
      Path conf = prefix.resolve("nginx.conf");
      Files.writeString(conf, render(port, backends, WEB_ROOT, prefix));
      Path mimeTypes = Path.of("/etc/nginx/mime.types");
      if (Files.isRegularFile(mimeTypes)) {
        Files.copy(mimeTypes, prefix.resolve("mime.types"));
      }
      return conf;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> command(Path conf, String... extra) {
    Path prefix = conf.getParent();
    String globals =
        "pid " + prefix.resolve("nginx.pid") + "; error_log " + prefix.resolve("error.log") + ";";
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(BINARY.toString(), "-p", prefix + "/", "-c", conf.toString()));
    cmd.addAll(List.of(extra));
    cmd.add("-g");
    cmd.add(extra.length > 0 ? globals : "daemon off; " + globals);
    return cmd;
  }

  /** {@code nginx -t}: exit code and output. */
  static Result test(Path conf) {
    try {
      Process p = new ProcessBuilder(command(conf, "-t")).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Result(p.waitFor(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Result(int exitCode, String output) {}

  /**
   * Starts nginx on {@code port} in front of {@code backend} (host:port) and waits until it
   * listens.
   */
  static Nginx start(int port, String backend) {
    return start(port, List.of(backend));
  }

  /** Starts nginx on {@code port} in front of several backends (host:port each). */
  static Nginx start(int port, List<String> backends) {
    Path conf = prepare(port, backends);
    Result check = test(conf);
    assertThat(check.exitCode()).as(check.output()).isZero();
    try {
      Process process =
          new ProcessBuilder(command(conf))
              .redirectErrorStream(true)
              .redirectOutput(conf.getParent().resolve("stdout.log").toFile())
              .start();
      Nginx nginx = new Nginx(port, conf.getParent(), process);
      nginx.awaitListening();
      return nginx;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitListening() {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("nginx exited: " + errorLog());
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        sleep(50);
      }
    }
    throw new AssertionError("nginx did not listen on " + port + ": " + errorLog());
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  String errorLog() {
    try {
      Path log = prefix.resolve("error.log");
      return Files.exists(log) ? Files.readString(log) : "(no error.log)";
    } catch (IOException e) {
      return e.toString();
    }
  }

  @Override
  public void close() {
    process.destroy(); // SIGTERM: fast shutdown
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package io.cogentx.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Liberty server the build created and deployed but did not start ({@code liberty:create} and
 * {@code deploy} in server.pom.xml), started, stopped and killed by the test itself with the
 * runtime's own {@code bin/server} script. Started with {@code setsid}, so the server is not in the
 * test JVM's process group; killed with SIGKILL by the process id Liberty writes in {@code
 * usr/servers/.pid/NAME.pid}.
 */
final class LibertyServer implements AutoCloseable {

  private static final Path WLP = Path.of(System.getProperty("it.wlp.dir", "target/liberty/wlp"));
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final String name;
  final int port;

  LibertyServer(String name, int port) {
    this.name = name;
    this.port = port;
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  Path directory() {
    return WLP.resolve("usr/servers").resolve(name);
  }

  /** Starts the server and waits until it reports ready. */
  LibertyServer start() {
    run("start");
    awaitReady(Duration.ofSeconds(240));
    return this;
  }

  /** Starts the server without waiting (several at once); then {@link #awaitReady}. */
  LibertyServer launch() {
    run("start");
    return this;
  }

  /** {@code kill -9}: the JVM dies at once, mid-write if it was writing. */
  void kill() {
    long pid = pid();
    ProcessHandle handle =
        ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(name + " is not running"));
    handle.destroyForcibly();
    try {
      handle.onExit().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(name + " did not die", e);
    }
  }

  long pid() {
    try {
      return Long.parseLong(
          Files.readString(WLP.resolve("usr/servers/.pid").resolve(name + ".pid")).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(base() + "/health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      Api.sleep(Duration.ofMillis(500));
    }
    throw new AssertionError(name + " not ready after " + timeout + "\n" + log());
  }

  /** The end of messages.log, for failure messages. */
  String log() {
    try {
      Path log = directory().resolve("logs/messages.log");
      if (!Files.exists(log)) {
        return "(no messages.log)";
      }
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return e.toString();
    }
  }

  String messages() {
    try {
      Path log = directory().resolve("logs/messages.log");
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sessions log (logs/sessions.log), or empty. */
  String sessionsLog() {
    try {
      Path log = directory().resolve("logs/sessions.log");
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the server if it runs. */
  @Override
  public void close() {
    run("stop");
  }

  private void run(String action) {
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      command.add("/usr/bin/setsid");
    }
    command.add(WLP.resolve("bin/server").toString());
    command.add(action);
    command.add(name);
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(180, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("server " + action + " " + name + " hung");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

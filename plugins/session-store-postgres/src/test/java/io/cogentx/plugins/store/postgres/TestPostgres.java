package io.cogentx.plugins.store.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL for tests, started once per JVM by {@code scripts/test-postgres.sh} (Debian's
 * binaries, a fresh cluster in a temporary directory, port {@code it.postgres.port}) and stopped
 * when the JVM ends. Tests are skipped, saying why, where no PostgreSQL is installed.
 */
public final class TestPostgres {

  private static TestPostgres instance;

  private final int port;
  private final Path directory;

  private TestPostgres(int port, Path directory) {
    this.port = port;
    this.directory = directory;
  }

  /** The running PostgreSQL, started on first use. */
  public static synchronized TestPostgres get() {
    if (instance == null) {
      instance = start();
    }
    return instance;
  }

  private static TestPostgres start() {
    Path script = Path.of(System.getProperty("it.postgres.script", "scripts/test-postgres.sh"));
    int port = Integer.getInteger("it.postgres.port", 18095);
    try {
      Path dir = Files.createTempDirectory("cogentx-postgres-");
      Process p =
          new ProcessBuilder(script.toString(), "start", dir.toString(), Integer.toString(port))
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("PostgreSQL did not start in 120 s: " + out);
      }
      Assumptions.assumeTrue(
          p.exitValue() != 3,
          "SKIPPED: PostgreSQL tests need Debian's postgresql package (.ci/run installs it)");
      if (p.exitValue() != 0) {
        throw new IllegalStateException("PostgreSQL did not start: " + out);
      }
      TestPostgres pg = new TestPostgres(port, dir);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      new ProcessBuilder(script.toString(), "stop", dir.toString())
                          .start()
                          .waitFor(30, TimeUnit.SECONDS);
                    } catch (IOException | InterruptedException e) {
                      // the JVM is ending
                    }
                  }));
      return pg;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public int port() {
    return port;
  }

  public Path directory() {
    return directory;
  }

  /** The JDBC URL of a database of its own, created empty. */
  public String newDatabase(String name) {
    try (Connection c = DriverManager.getConnection(url("cogentx"), "cogentx", "")) {
      c.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      c.createStatement().execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return url(name);
  }

  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }
}

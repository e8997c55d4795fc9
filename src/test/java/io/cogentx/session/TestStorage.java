package io.cogentx.session;

import io.cogentx.spi.PluginContext;
import io.cogentx.spi.SessionStorage;
import io.cogentx.spi.SessionStoreProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;

/** Session stores for tests, the plugins as the server finds them. */
public final class TestStorage {

  private TestStorage() {}

  /** The {@code memory} store with its files in a fresh temporary directory. */
  public static SessionStorage memory() {
    return create("memory", Map.of("DOCUMENT_FILES_DIRECTORY", temp().toString()));
  }

  /** The {@code disk} store in {@code root}. */
  public static SessionStorage disk(Path root) {
    return create("disk", Map.of("VECTOR_DB_DIRECTORY", root.toString()));
  }

  /** A registry's store over the {@code memory} store. */
  public static SessionStore store(
      Duration timeout, int maxSessions, Clock clock, SessionListener listener) {
    return new SessionStore(timeout, timeout, maxSessions, clock, listener, memory());
  }

  public static SessionStorage create(String name, Map<String, String> settings) {
    for (SessionStoreProvider p : ServiceLoader.load(SessionStoreProvider.class)) {
      if (p.name().equals(name)) {
        try {
          return p.create(PluginContext.of(settings));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }
    throw new IllegalStateException("no session store " + name);
  }

  private static Path temp() {
    try {
      Path dir = Files.createTempDirectory("cogentx-test-files-");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

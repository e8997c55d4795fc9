package io.cogentx.plugins.store.memory;

import io.cogentx.spi.PluginContext;
import io.cogentx.spi.SessionStorage;
import io.cogentx.spi.SessionStoreProvider;
import io.cogentx.spi.Setting;
import java.nio.file.Path;
import java.util.List;

/**
 * Session store {@code memory}, the default: sessions live as long as the server process, as the
 * design has it (a restart clears them). Documents' files are kept on disk while their session
 * lives, one directory per session named by the SHA-256 of its id; the directory is emptied at
 * start.
 */
public final class MemoryStoreProvider implements SessionStoreProvider {

  static final Setting FILES_DIRECTORY =
      Setting.of(
          "DOCUMENT_FILES_DIRECTORY",
          "tmp/documents",
          "where the files of the sessions' documents are kept while their sessions live, one"
              + " directory per session named by the SHA-256 of its id");

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public List<Setting> settings() {
    return List.of(FILES_DIRECTORY);
  }

  @Override
  public SessionStorage create(PluginContext context) {
    return new MemoryStorage(Path.of(context.config().get(FILES_DIRECTORY)));
  }
}

package io.cogentx.plugins.store.disk;

import io.cogentx.spi.PluginConfig;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.SessionStorage;
import io.cogentx.spi.SessionStoreProvider;
import io.cogentx.spi.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Session store {@code disk}: sessions survive restarts and crashes. Each session is a directory
 * under {@code VECTOR_DB_DIRECTORY} named by the SHA-256 of its id, holding its record, its
 * documents' records, chunks with vectors and files, the uploads it has not finished indexing, and
 * its Lucene index (unless encrypted). Sessions are read when first used after a start, not at
 * start.
 */
public final class DiskStoreProvider implements SessionStoreProvider {

  static final Setting DIRECTORY =
      Setting.of(
          "VECTOR_DB_DIRECTORY",
          "./vector_db",
          "where the disk session store keeps sessions, one directory per session named by the"
              + " SHA-256 of its id");
  static final Setting ENCRYPTION =
      Setting.of(
          "DISK_STORE_ENCRYPTION",
          "false",
          "encrypt everything a session holds on disk (AES-256-GCM) under a key derived from the"
              + " session id, which is never written down; the session's index is then kept in"
              + " memory only");
  static final Setting STORE_KEY =
      Setting.secret(
          "STORE_KEY",
          "optional server secret mixed into every session's encryption key (HKDF salt): then"
              + " reading a session needs both its id and this key");

  @Override
  public String name() {
    return "disk";
  }

  @Override
  public List<Setting> settings() {
    return List.of(DIRECTORY, ENCRYPTION, STORE_KEY);
  }

  @Override
  public SessionStorage create(PluginContext context) throws IOException {
    PluginConfig config = context.config();
    boolean encrypt = config.getBoolean(ENCRYPTION);
    byte[] pepper = config.get(STORE_KEY).getBytes(StandardCharsets.UTF_8);
    return new DiskStorage(Path.of(config.get(DIRECTORY)), encrypt ? new Keys(pepper) : null);
  }
}

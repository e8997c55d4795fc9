package io.cogentx.plugins.store.postgres;

import io.cogentx.spi.PluginConfig;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.SessionStorage;
import io.cogentx.spi.SessionStoreProvider;
import io.cogentx.spi.Setting;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * Session store {@code postgres}: sessions, documents, chunks with their vectors, files and
 * unfinished uploads in PostgreSQL, shared by every server using the same database. In Liberty the
 * connections come from the server's {@code dataSource} ({@code POSTGRES_DATASOURCE}, see
 * liberty/postgres.xml); elsewhere from {@code POSTGRES_URL} through the JDBC driver. The schema is
 * created and upgraded by Flyway when the store starts.
 */
public final class PostgresStoreProvider implements SessionStoreProvider {

  static final Setting DATASOURCE =
      Setting.of(
          "POSTGRES_DATASOURCE",
          "jdbc/cogentx",
          "JNDI name of the server's PostgreSQL data source (Liberty: liberty/postgres.xml); when"
              + " none is bound, POSTGRES_URL is used");
  static final Setting URL =
      Setting.of(
          "POSTGRES_URL",
          "jdbc:postgresql://localhost:5432/cogentx",
          "JDBC URL of the database (the Liberty data source reads it too)");
  static final Setting USER = Setting.of("POSTGRES_USER", "cogentx", "database user");
  static final Setting PASSWORD = Setting.secret("POSTGRES_PASSWORD", "database password");
  static final Setting TOUCH_SECONDS =
      Setting.of(
          "POSTGRES_TOUCH_SECONDS",
          60,
          "a server records a session's last use in the database at most this often; keep it well"
              + " below SESSION_TIMEOUT_HOURS (a session can expire this much early)");

  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public List<Setting> settings() {
    return List.of(DATASOURCE, URL, USER, PASSWORD, TOUCH_SECONDS);
  }

  @Override
  public SessionStorage create(PluginContext context) throws Exception {
    PluginConfig config = context.config();
    DataSource dataSource =
        DataSources.lookup(config.get(DATASOURCE))
            .orElseGet(
                () -> DataSources.driver(config.get(URL), config.get(USER), config.get(PASSWORD)));
    Schema.migrate(dataSource);
    return new PostgresStorage(dataSource, Duration.ofSeconds(config.getInt(TOUCH_SECONDS)));
  }
}

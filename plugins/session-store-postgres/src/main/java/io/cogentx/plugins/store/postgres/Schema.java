package io.cogentx.plugins.store.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The schema, managed by Flyway in its history table {@code cogentx_schema_history}. Each version
 * is a SQL file beside this class ({@code V1__sessions.sql}, …) applied by a Java migration that
 * reads it, so no class-path scanning is needed (application servers' jar URLs vary).
 */
final class Schema {

  private Schema() {}

  static void migrate(DataSource dataSource) {
    Flyway.configure(Schema.class.getClassLoader())
        .dataSource(dataSource)
        .table("cogentx_schema_history")
        .locations("classpath:io/cogentx/plugins/store/postgres/no-sql-scanned")
        .failOnMissingLocations(false)
        .javaMigrations(new V1__sessions(), new V2__chunk_location())
        .load()
        .migrate();
  }

  /** Version 1: sessions, documents, chunks, files, unfinished uploads. */
  static final class V1__sessions extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
      try (Statement s = context.getConnection().createStatement()) {
        s.execute(sql("V1__sessions.sql"));
      }
    }
  }

  /** Version 2: where in its document a chunk sits ("slide 2", "sheet Revenue"), if anywhere. */
  static final class V2__chunk_location extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
      try (Statement s = context.getConnection().createStatement()) {
        s.execute(sql("V2__chunk_location.sql"));
      }
    }
  }

  private static String sql(String name) {
    try (InputStream in = Schema.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing migration " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

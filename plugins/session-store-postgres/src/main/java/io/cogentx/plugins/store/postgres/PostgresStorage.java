package io.cogentx.plugins.store.postgres;

import io.cogentx.spi.SessionRef;
import io.cogentx.spi.SessionStorage;
import io.cogentx.spi.StoredSession;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Sessions in PostgreSQL, shared by every server using the database. Every session's rows hang off
 * its {@code sessions} row, so deleting that row deletes them all. Expiry is one {@code DELETE …
 * WHERE last_access < cutoff RETURNING key}: of servers running it at once, each deleted session is
 * returned to exactly one, and a session another server touched since (its {@code last_access} is
 * newer) is not deleted.
 */
final class PostgresStorage implements SessionStorage {

  private final DataSource dataSource;
  private final Duration touchInterval;

  PostgresStorage(DataSource dataSource, Duration touchInterval) {
    this.dataSource = dataSource;
    this.touchInterval = touchInterval;
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public boolean shared() {
    return true;
  }

  @Override
  public StoredSession open(SessionRef session, Instant now) throws IOException {
    String key = session.storageKey();
    String sql =
        "INSERT INTO sessions (key, created_at, last_access) VALUES (?, ?, ?)"
            + " ON CONFLICT (key) DO UPDATE SET last_access ="
            + " GREATEST(sessions.last_access, EXCLUDED.last_access)"
            + " RETURNING created_at, version, (xmax = 0) AS inserted";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, key);
      s.setTimestamp(2, Timestamp.from(now));
      s.setTimestamp(3, Timestamp.from(now));
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return new PostgresSession(
            dataSource,
            key,
            r.getTimestamp(1).toInstant(),
            r.getLong(2),
            r.getBoolean(3),
            now,
            touchInterval);
      }
    } catch (SQLException e) {
      throw new IOException("PostgreSQL: " + e.getMessage(), e);
    }
  }

  @Override
  public List<String> expire(Instant now, Duration idleTimeout) throws IOException {
    List<String> expired = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("DELETE FROM sessions WHERE last_access < ? RETURNING key")) {
      s.setTimestamp(1, Timestamp.from(now.minus(idleTimeout)));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          expired.add(r.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IOException("PostgreSQL: " + e.getMessage(), e);
    }
    return expired;
  }

  @Override
  public boolean delete(String storageKey) throws IOException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("DELETE FROM sessions WHERE key = ?")) {
      s.setString(1, storageKey);
      return s.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new IOException("PostgreSQL: " + e.getMessage(), e);
    }
  }

  @Override
  public long count() throws IOException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT count(*) FROM sessions");
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new IOException("PostgreSQL: " + e.getMessage(), e);
    }
  }
}

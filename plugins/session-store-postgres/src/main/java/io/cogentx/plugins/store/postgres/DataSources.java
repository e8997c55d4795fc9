package io.cogentx.plugins.store.postgres;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/** Where connections come from: the container's data source, or the JDBC driver. */
final class DataSources {

  private DataSources() {}

  /** The data source bound under {@code name} (JNDI), if any. */
  static Optional<DataSource> lookup(String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of((DataSource) new InitialContext().lookup(name));
    } catch (NamingException | RuntimeException | LinkageError e) {
      return Optional.empty();
    }
  }

  /**
   * Connections from the driver, a few kept open for reuse: for tools and tests, where no container
   * pools them.
   */
  static DataSource driver(String url, String user, String password) {
    Properties props = new Properties();
    props.setProperty("user", user);
    if (!password.isEmpty()) {
      props.setProperty("password", password);
    }
    props.setProperty("reWriteBatchedInserts", "true");
    return new SmallPool(url, props, 8);
  }

  /** Reuses up to {@code size} idle connections; a returned connection is closed beyond that. */
  private static final class SmallPool implements DataSource {
    private final String url;
    private final Properties props;
    private final BlockingQueue<Connection> idle;

    SmallPool(String url, Properties props, int size) {
      this.url = url;
      this.props = props;
      this.idle = new ArrayBlockingQueue<>(size);
    }

    @Override
    public Connection getConnection() throws SQLException {
      for (Connection c; (c = idle.poll()) != null; ) {
        if (c.isValid(2)) {
          return pooled(c);
        }
        c.close();
      }
      return pooled(new org.postgresql.Driver().connect(url, props));
    }

    private Connection pooled(Connection c) throws SQLException {
      c.setAutoCommit(true);
      return (Connection)
          java.lang.reflect.Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> {
                if (method.getName().equals("close") && method.getParameterCount() == 0) {
                  if (c.isClosed() || !c.getAutoCommit() || !idle.offer(c)) {
                    c.close();
                  }
                  return null;
                }
                try {
                  return method.invoke(c, args);
                } catch (java.lang.reflect.InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}

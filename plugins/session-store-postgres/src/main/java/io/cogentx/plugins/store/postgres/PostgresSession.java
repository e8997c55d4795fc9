package io.cogentx.plugins.store.postgres;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.DocumentChunks;
import io.cogentx.spi.KeptFile;
import io.cogentx.spi.PendingJob;
import io.cogentx.spi.StoredDocument;
import io.cogentx.spi.StoredSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One session's rows. Adding a document is one transaction (its row, its chunks, its file in parts,
 * the session's version), so it is all there once committed, or none of it. The last use is written
 * at most every {@code touchInterval}; every touch reads the version, so a server notices at once
 * when another changed or ended the session.
 */
final class PostgresSession implements StoredSession {

  static final int PART_BYTES = 1024 * 1024;

  private final DataSource dataSource;
  private final String key;
  private final Instant created;
  private final boolean isNew;
  private final Duration touchInterval;
  private volatile long version;
  private volatile Instant written;

  PostgresSession(
      DataSource dataSource,
      String key,
      Instant created,
      long version,
      boolean isNew,
      Instant written,
      Duration touchInterval) {
    this.dataSource = dataSource;
    this.key = key;
    this.created = created;
    this.version = version;
    this.isNew = isNew;
    this.written = written;
    this.touchInterval = touchInterval;
  }

  @Override
  public Instant created() {
    return created;
  }

  @Override
  public boolean isNew() {
    return isNew;
  }

  @Override
  public long touch(Instant now) throws IOException {
    boolean write = Duration.between(written, now).compareTo(touchInterval) >= 0;
    String sql =
        write
            ? "UPDATE sessions SET last_access = GREATEST(last_access, ?) WHERE key = ?"
                + " RETURNING version"
            : "SELECT version FROM sessions WHERE key = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      int i = 1;
      if (write) {
        s.setTimestamp(i++, Timestamp.from(now));
      }
      s.setString(i, key);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return -1;
        }
        if (write) {
          written = now;
        }
        version = r.getLong(1);
        return version;
      }
    } catch (SQLException e) {
      throw io(e);
    }
  }

  @Override
  public long version() {
    return version;
  }

  @Override
  public List<StoredDocument> documents() throws IOException {
    String sql =
        "SELECT id, chunk_count, embedding_model, dimension, added_at, metadata"
            + " FROM documents WHERE session_key = ? ORDER BY sequence";
    List<StoredDocument> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, key);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(
              new StoredDocument(
                  r.getString(1),
                  r.getInt(2),
                  r.getString(3),
                  r.getInt(4),
                  r.getTimestamp(5).toInstant(),
                  r.getString(6)));
        }
      }
    } catch (SQLException e) {
      throw io(e);
    }
    return out;
  }

  @Override
  public long addDocument(StoredDocument document, List<Chunk> chunks, float[][] vectors, Path file)
      throws IOException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        long next = bumpVersion(c);
        try (PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO documents (session_key, id, sequence, chunk_count, embedding_model,"
                    + " dimension, added_at, metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
          s.setString(1, key);
          s.setString(2, document.id());
          s.setLong(3, next);
          s.setInt(4, document.chunks());
          s.setString(5, document.embeddingModel());
          s.setInt(6, document.dimension());
          s.setTimestamp(7, Timestamp.from(document.addedAt()));
          s.setString(8, document.metadata());
          s.executeUpdate();
        }
        insertChunks(c, document.id(), chunks, vectors);
        if (file != null) {
          insertFile(c, document.id(), file);
        }
        c.commit();
        version = next;
        return next;
      } catch (SQLException | IOException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw io(e);
    }
  }

  /** Adds one to the session's version; fails if the session is gone (another server ended it). */
  private long bumpVersion(Connection c) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE sessions SET version = version + 1 WHERE key = ? RETURNING version")) {
      s.setString(1, key);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw new IllegalStateException("the session was deleted");
        }
        return r.getLong(1);
      }
    }
  }

  private void insertChunks(Connection c, String documentId, List<Chunk> chunks, float[][] vectors)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO chunks (session_key, document_id, ordinal, position, title, text,"
                + " start_offset, end_offset, page, start_seconds, end_seconds, vector, location)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < chunks.size(); i++) {
        Chunk ch = chunks.get(i);
        s.setString(1, key);
        s.setString(2, documentId);
        s.setInt(3, i);
        s.setInt(4, ch.position());
        s.setString(5, ch.title());
        s.setString(6, ch.text());
        s.setInt(7, ch.startOffset());
        s.setInt(8, ch.endOffset());
        setNullable(s, 9, ch.page(), Types.INTEGER);
        setNullable(s, 10, ch.startSeconds(), Types.DOUBLE);
        setNullable(s, 11, ch.endSeconds(), Types.DOUBLE);
        s.setBytes(12, encode(vectors[i]));
        s.setString(13, ch.location());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private void insertFile(Connection c, String documentId, Path file)
      throws SQLException, IOException {
    long size = Files.size(file);
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO files (session_key, document_id, size) VALUES (?, ?, ?)")) {
      s.setString(1, key);
      s.setString(2, documentId);
      s.setLong(3, size);
      s.executeUpdate();
    }
    try (InputStream in = Files.newInputStream(file);
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO file_parts (session_key, document_id, part, bytes)"
                    + " VALUES (?, ?, ?, ?)")) {
      byte[] part;
      int n = 0;
      do {
        part = in.readNBytes(PART_BYTES);
        if (part.length == 0 && n > 0) {
          break;
        }
        s.setString(1, key);
        s.setString(2, documentId);
        s.setInt(3, n++);
        s.setBytes(4, part);
        s.executeUpdate();
      } while (part.length == PART_BYTES);
    }
  }

  @Override
  public long removeDocument(String documentId) throws IOException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        int deleted;
        try (PreparedStatement s =
            c.prepareStatement("DELETE FROM documents WHERE session_key = ? AND id = ?")) {
          s.setString(1, key);
          s.setString(2, documentId);
          deleted = s.executeUpdate();
        }
        if (deleted == 0) {
          c.rollback();
          return -1;
        }
        long next = bumpVersion(c);
        c.commit();
        version = next;
        return next;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw io(e);
    }
  }

  @Override
  public Optional<DocumentChunks> chunks(String documentId) throws IOException {
    String sql =
        "SELECT position, title, text, start_offset, end_offset, page, start_seconds,"
            + " end_seconds, vector, location FROM chunks WHERE session_key = ? AND document_id = ?"
            + " ORDER BY ordinal";
    List<Chunk> chunks = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, key);
      s.setString(2, documentId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          chunks.add(
              new Chunk(
                  documentId,
                  r.getString(2),
                  r.getInt(1),
                  r.getString(3),
                  r.getInt(4),
                  r.getInt(5),
                  (Integer) r.getObject(6),
                  (Double) r.getObject(7),
                  (Double) r.getObject(8),
                  r.getString(10)));
          vectors.add(decode(r.getBytes(9)));
        }
      }
    } catch (SQLException e) {
      throw io(e);
    }
    if (chunks.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DocumentChunks(chunks, vectors.toArray(new float[0][])));
  }

  @Override
  public Optional<KeptFile> file(String documentId) throws IOException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT size FROM files WHERE session_key = ? AND document_id = ?")) {
      s.setString(1, key);
      s.setString(2, documentId);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        long size = r.getLong(1);
        return Optional.of(new PartsFile(documentId, size));
      }
    } catch (SQLException e) {
      throw io(e);
    }
  }

  /** A file read part by part, from the part holding the first byte asked for. */
  private final class PartsFile implements KeptFile {
    private final String documentId;
    private final long size;

    PartsFile(String documentId, long size) {
      this.documentId = documentId;
      this.size = size;
    }

    @Override
    public long size() {
      return size;
    }

    @Override
    public InputStream open(long offset) {
      return new InputStream() {
        private int part = (int) (Math.min(offset, size) / PART_BYTES);
        private byte[] bytes = new byte[0];
        private int position;
        private boolean first = true;

        private boolean next() throws IOException {
          if ((long) part * PART_BYTES >= size) {
            return false;
          }
          bytes = part(documentId, part++);
          position = 0;
          if (first) {
            position = (int) Math.min(bytes.length, offset % PART_BYTES);
            first = false;
          }
          return true;
        }

        @Override
        public int read() throws IOException {
          byte[] one = new byte[1];
          return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          if (len == 0) {
            return 0;
          }
          while (position >= bytes.length) {
            if (!next()) {
              return -1;
            }
          }
          int n = Math.min(len, bytes.length - position);
          System.arraycopy(bytes, position, b, off, n);
          position += n;
          return n;
        }
      };
    }
  }

  private byte[] part(String documentId, int part) throws IOException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT bytes FROM file_parts WHERE session_key = ? AND document_id = ?"
                    + " AND part = ?")) {
      s.setString(1, key);
      s.setString(2, documentId);
      s.setInt(3, part);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw new IOException("a part of the file is missing");
        }
        return r.getBytes(1);
      }
    } catch (SQLException e) {
      throw io(e);
    }
  }

  @Override
  public Optional<Path> indexDirectory() {
    return Optional.empty();
  }

  @Override
  public void jobQueued(PendingJob job) throws IOException {
    update(
        "INSERT INTO pending_jobs (session_key, id, created_at, metadata) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING",
        key,
        job.id(),
        Timestamp.from(job.createdAt()),
        job.metadata());
  }

  @Override
  public void jobEnded(String jobId) throws IOException {
    update("DELETE FROM pending_jobs WHERE session_key = ? AND id = ?", key, jobId);
  }

  @Override
  public List<PendingJob> pendingJobs() throws IOException {
    List<PendingJob> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, created_at, metadata FROM pending_jobs WHERE session_key = ?"
                    + " ORDER BY created_at, id")) {
      s.setString(1, key);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(new PendingJob(r.getString(1), r.getTimestamp(2).toInstant(), r.getString(3)));
        }
      }
    } catch (SQLException e) {
      throw io(e);
    }
    return out;
  }

  /** Nothing held open: connections return to the pool after each call. */
  @Override
  public void close() {}

  private void update(String sql, Object... values) throws IOException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      s.executeUpdate();
    } catch (SQLException e) {
      throw io(e);
    }
  }

  private static void setNullable(PreparedStatement s, int i, Object v, int type)
      throws SQLException {
    if (v == null) {
      s.setNull(i, type);
    } else {
      s.setObject(i, v, type);
    }
  }

  static byte[] encode(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : v) {
      b.putFloat(f);
    }
    return b.array();
  }

  static float[] decode(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    float[] v = new float[bytes.length / 4];
    for (int i = 0; i < v.length; i++) {
      v[i] = b.getFloat();
    }
    return v;
  }

  private static IOException io(SQLException e) {
    return new IOException("PostgreSQL: " + e.getMessage(), e);
  }
}

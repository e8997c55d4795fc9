-- Cogent-X session store, schema version 1. Every table of a session hangs off sessions(key) with ON DELETE
-- CASCADE, so deleting or expiring a session is one statement that leaves no row behind.
CREATE TABLE sessions (
  key          CHAR(64)    PRIMARY KEY,   -- SHA-256 of the session id in hex; the id itself is never stored
  created_at   TIMESTAMPTZ NOT NULL,
  last_access  TIMESTAMPTZ NOT NULL,      -- the latest use any server recorded: expiry compares this
  version      BIGINT      NOT NULL DEFAULT 0  -- grows with every document added or removed
);
CREATE INDEX sessions_last_access ON sessions (last_access);

CREATE TABLE documents (
  session_key     CHAR(64)    NOT NULL REFERENCES sessions (key) ON DELETE CASCADE,
  id              CHAR(16)    NOT NULL,
  sequence        BIGINT      NOT NULL,   -- the session's version when it was added: the order of documents
  chunk_count     INT         NOT NULL,
  embedding_model TEXT        NOT NULL,
  dimension       INT         NOT NULL,
  added_at        TIMESTAMPTZ NOT NULL,
  metadata        TEXT        NOT NULL,   -- the server's description as it wrote it (JSON: title, file name, ...)
  PRIMARY KEY (session_key, id)
);

CREATE TABLE chunks (
  session_key   CHAR(64) NOT NULL,
  document_id   CHAR(16) NOT NULL,
  ordinal       INT      NOT NULL,
  position      INT      NOT NULL,
  title         TEXT,
  text          TEXT     NOT NULL,
  start_offset  INT      NOT NULL,
  end_offset    INT      NOT NULL,
  page          INT,
  start_seconds DOUBLE PRECISION,
  end_seconds   DOUBLE PRECISION,
  vector        BYTEA    NOT NULL,        -- float32, little-endian
  PRIMARY KEY (session_key, document_id, ordinal),
  FOREIGN KEY (session_key, document_id) REFERENCES documents (session_key, id) ON DELETE CASCADE
);

CREATE TABLE files (
  session_key CHAR(64) NOT NULL,
  document_id CHAR(16) NOT NULL,
  size        BIGINT   NOT NULL,
  PRIMARY KEY (session_key, document_id),
  FOREIGN KEY (session_key, document_id) REFERENCES documents (session_key, id) ON DELETE CASCADE
);

CREATE TABLE file_parts (
  session_key CHAR(64) NOT NULL,
  document_id CHAR(16) NOT NULL,
  part        INT      NOT NULL,          -- 1 MiB each, so a byte range is read without the rest
  bytes       BYTEA    NOT NULL,
  PRIMARY KEY (session_key, document_id, part),
  FOREIGN KEY (session_key, document_id) REFERENCES files (session_key, document_id) ON DELETE CASCADE
);

CREATE TABLE pending_jobs (
  session_key CHAR(64)    NOT NULL REFERENCES sessions (key) ON DELETE CASCADE,
  id          TEXT        NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL,
  metadata    TEXT        NOT NULL,
  PRIMARY KEY (session_key, id)
);

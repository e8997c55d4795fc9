package io.cogentx.spi;

import java.io.IOException;

/** Opens per-session indexes. Thread-safe. */
public interface IndexBackend extends AutoCloseable {

  SessionIndex open(IndexSpec spec) throws IOException;

  @Override
  default void close() {}
}

package io.cogentx.plugins.index.exact;

import io.cogentx.spi.IndexBackend;
import io.cogentx.spi.IndexSpec;
import io.cogentx.spi.SessionIndex;
import java.util.Objects;

/**
 * Exact (brute-force) index backend, {@code exact}: the reference for recall measurements and a
 * good choice for small sessions. Indexes live in memory only; {@link IndexSpec#directory()} is
 * ignored.
 */
public final class ExactIndexBackend implements IndexBackend {

  public ExactIndexBackend() {}

  @Override
  public String name() {
    return "exact";
  }

  @Override
  public SessionIndex open(IndexSpec spec) {
    return new ExactSessionIndex(Objects.requireNonNull(spec, "spec"));
  }
}

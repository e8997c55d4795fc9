package io.cogentx.plugins.index.exact;

import io.cogentx.spi.IndexBackend;
import io.cogentx.spi.IndexBackendProvider;
import io.cogentx.spi.PluginContext;
import java.util.Objects;

/**
 * Exact (brute-force) index backend, {@code exact}: the reference for recall measurements and a
 * good choice for small sessions. Indexes live in memory only; {@link
 * io.cogentx.spi.IndexSpec#directory()} is ignored.
 */
public final class ExactIndexBackendProvider implements IndexBackendProvider {

  @Override
  public String name() {
    return "exact";
  }

  @Override
  public IndexBackend create(PluginContext context) {
    return spec -> new ExactSessionIndex(Objects.requireNonNull(spec, "spec"));
  }
}

package io.cogentx.spi;

import java.util.Map;
import java.util.Optional;

/**
 * Read-only view of the server's configuration (MicroProfile Config in the server), so plugins need
 * no API.
 */
@FunctionalInterface
public interface PluginConfig {

  Optional<String> get(String key);

  default String get(String key, String defaultValue) {
    return get(key).orElse(defaultValue);
  }

  default int getInt(String key, int defaultValue) {
    return get(key).map(String::trim).map(Integer::parseInt).orElse(defaultValue);
  }

  /** A configuration backed by a map, for tests and tools. */
  static PluginConfig of(Map<String, String> values) {
    return key -> Optional.ofNullable(values.get(key));
  }
}

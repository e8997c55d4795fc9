package io.cogentx.spi;

import java.util.Map;
import java.util.Optional;

/**
 * Read-only view of the server's configuration (MicroProfile Config in the server), so plugins need
 * no API. Values are trimmed; a blank value counts as not set.
 */
@FunctionalInterface
public interface PluginConfig {

  /** The raw value of {@code key}, if set. */
  Optional<String> get(String key);

  /** The value of the setting, else its declared default. */
  default String get(Setting setting) {
    return value(setting.name()).orElse(setting.defaultValue());
  }

  default String get(String key, String defaultValue) {
    return value(key).orElse(defaultValue);
  }

  default int getInt(String key, int defaultValue) {
    return value(key).map(v -> parse(key, v, Integer::parseInt)).orElse(defaultValue);
  }

  default int getInt(Setting setting) {
    return parse(setting.name(), get(setting), Integer::parseInt);
  }

  default double getDouble(Setting setting) {
    return parse(setting.name(), get(setting), Double::parseDouble);
  }

  default boolean getBoolean(Setting setting) {
    String v = get(setting);
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(v);
    }
    throw new IllegalArgumentException(setting.name() + " must be true or false, was '" + v + "'");
  }

  private Optional<String> value(String key) {
    return get(key).map(String::strip).filter(v -> !v.isEmpty());
  }

  private static <T> T parse(String key, String value, java.util.function.Function<String, T> f) {
    try {
      return f.apply(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, was '" + value + "'", e);
    }
  }

  /** A configuration backed by a map, for tests and tools. */
  static PluginConfig of(Map<String, String> values) {
    return key -> Optional.ofNullable(values.get(key));
  }
}

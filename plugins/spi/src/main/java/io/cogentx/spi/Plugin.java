package io.cogentx.spi;

import java.util.List;

/**
 * What every plugin has: a stable name that configuration refers to, a version for operators, and
 * the settings it reads. Every plugin kind has the same shape: a {@link PluginProvider} found with
 * {@link java.util.ServiceLoader}, which the server asks once to {@link PluginProvider#create
 * create} the working object with its configuration.
 */
public interface Plugin {

  /**
   * Name used in configuration and in {@code GET /api/v1/plugins}, e.g. {@code "pdf"} or {@code
   * "lucene"}.
   */
  String name();

  /**
   * The provider's version: by default its jar's {@code Implementation-Version}, or {@code "dev"}.
   */
  default String version() {
    String v = getClass().getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /**
   * The settings this plugin reads, with their defaults: listed by {@code GET /api/v1/plugins} and
   * in the configuration docs. A plugin reads them only through {@link PluginConfig}, never from
   * the environment itself.
   */
  default List<Setting> settings() {
    return List.of();
  }
}

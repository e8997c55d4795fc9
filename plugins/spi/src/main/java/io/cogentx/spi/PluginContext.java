package io.cogentx.spi;

import java.util.List;
import java.util.Map;

/**
 * What the server hands a provider when it creates its plugin: the configuration, and the other
 * plugins installed (e.g. OCR engines for a PDF loader, transcribers for an audio loader), found in
 * the same places as every plugin (built in, or jars in the plugins directory).
 */
public interface PluginContext {

  PluginConfig config();

  /** The installed providers of a kind, built-in ones first. */
  <P extends Plugin> List<P> providers(Class<P> kind);

  /** A context with the given configuration and no other plugins, for tests and tools. */
  static PluginContext of(PluginConfig config) {
    return of(config, List.of());
  }

  /** A context with the given configuration and providers, for tests and tools. */
  static PluginContext of(PluginConfig config, List<? extends Plugin> providers) {
    return new PluginContext() {
      @Override
      public PluginConfig config() {
        return config;
      }

      @Override
      public <P extends Plugin> List<P> providers(Class<P> kind) {
        return providers.stream().filter(kind::isInstance).map(kind::cast).toList();
      }
    };
  }

  /** A context with the given settings and no other plugins, for tests and tools. */
  static PluginContext of(Map<String, String> settings) {
    return of(PluginConfig.of(settings));
  }
}

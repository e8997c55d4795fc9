package io.cogentx.knowledge;

import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.EmbedderProvider;
import io.cogentx.spi.IndexBackend;
import io.cogentx.spi.Plugin;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The plugins found with {@link ServiceLoader} in a class loader (the application's: built-in
 * plugins are jars in the WAR). A provider that fails to load is logged and skipped.
 */
public final class PluginCatalog {

  private static final Logger LOG = Logger.getLogger(PluginCatalog.class.getName());

  private final List<DocumentLoader> loaders;
  private final List<EmbedderProvider> embedders;
  private final List<IndexBackend> backends;

  public PluginCatalog(ClassLoader classLoader) {
    this.loaders = load(DocumentLoader.class, classLoader);
    this.embedders = load(EmbedderProvider.class, classLoader);
    this.backends = load(IndexBackend.class, classLoader);
  }

  public List<DocumentLoader> loaders() {
    return loaders;
  }

  public List<EmbedderProvider> embedders() {
    return embedders;
  }

  public List<IndexBackend> backends() {
    return backends;
  }

  public EmbedderProvider embedder(String name) {
    return byName(embedders, name, "EMBEDDING_MODEL_NAME", "embedding model");
  }

  public IndexBackend backend(String name) {
    return byName(backends, name, "VECTOR_BACKEND", "index backend");
  }

  /** The provider with this name, or an error listing the names there are. */
  static <T extends Plugin> T byName(List<T> providers, String name, String setting, String what) {
    return providers.stream()
        .filter(p -> p.name().equalsIgnoreCase(name.strip()))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    setting
                        + "="
                        + name
                        + " names no installed "
                        + what
                        + "; available: "
                        + providers.stream().map(Plugin::name).collect(Collectors.joining(", "))));
  }

  private static <T> List<T> load(Class<T> type, ClassLoader classLoader) {
    List<T> found = new ArrayList<>();
    var iterator = ServiceLoader.load(type, classLoader).stream().iterator();
    while (iterator.hasNext()) {
      var provider = iterator.next();
      try {
        found.add(provider.get());
      } catch (java.util.ServiceConfigurationError | RuntimeException e) {
        LOG.log(Level.WARNING, e, () -> "Skipping " + type.getSimpleName() + " " + provider.type());
      }
    }
    return List.copyOf(found);
  }
}

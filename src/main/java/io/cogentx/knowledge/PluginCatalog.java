package io.cogentx.knowledge;

import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.EmbedderProvider;
import io.cogentx.spi.GeneratorProvider;
import io.cogentx.spi.IndexBackend;
import io.cogentx.spi.Plugin;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The plugins found with {@link ServiceLoader} in a class loader (the application's: built-in
 * plugins are jars in the WAR). A provider that fails to load is logged and skipped.
 */
public final class PluginCatalog {

  private static final Logger LOG = Logger.getLogger(PluginCatalog.class.getName());

  private final List<DocumentLoader> loaders;
  private final List<EmbedderProvider> embedders;
  private final List<IndexBackend> backends;
  private final List<GeneratorProvider> generators;

  private final List<Path> jars;

  /** Built-in plugins only. */
  public PluginCatalog(ClassLoader classLoader) {
    this(classLoader, null);
  }

  /**
   * Built-in plugins and those in the {@code *.jar} files of {@code directory} (ignored when null
   * or absent); built-in ones come first, so they win when two claim the same name or media type.
   */
  public PluginCatalog(ClassLoader classLoader, Path directory) {
    List<ClassLoader> classLoaders = new ArrayList<>();
    classLoaders.add(classLoader);
    this.jars = jarsIn(directory);
    for (Path jar : jars) {
      try {
        classLoaders.add(
            new URLClassLoader(
                "plugin " + jar.getFileName(), new URL[] {jar.toUri().toURL()}, classLoader));
      } catch (IOException e) {
        LOG.log(Level.WARNING, e, () -> "Skipping plugin jar " + jar);
      }
    }
    this.loaders = load(DocumentLoader.class, classLoaders);
    this.embedders = load(EmbedderProvider.class, classLoaders);
    this.backends = load(IndexBackend.class, classLoaders);
    this.generators = load(GeneratorProvider.class, classLoaders);
  }

  /** The plugin jars found in the plugins directory. */
  public List<Path> jars() {
    return jars;
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

  /** Answer generators (chat models), e.g. {@code ollama}. */
  public List<GeneratorProvider> generators() {
    return generators;
  }

  public GeneratorProvider generator(String name) {
    return byName(generators, name, "LLM_BACKEND", "answer generator");
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

  private static List<Path> jarsIn(Path directory) {
    if (directory == null || !Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      LOG.log(Level.WARNING, e, () -> "Cannot list plugins directory " + directory);
      return List.of();
    }
  }

  /**
   * Providers of {@code type} in each class loader, each found once (a child also sees its
   * parent's).
   */
  private static <T> List<T> load(Class<T> type, List<ClassLoader> classLoaders) {
    List<T> found = new ArrayList<>();
    Set<Class<?>> seen = new HashSet<>();
    for (ClassLoader classLoader : classLoaders) {
      try {
        Iterator<ServiceLoader.Provider<T>> iterator =
            ServiceLoader.load(type, classLoader).stream().iterator();
        while (iterator.hasNext()) {
          ServiceLoader.Provider<T> provider = iterator.next();
          if (seen.add(provider.type())) {
            try {
              found.add(provider.get());
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
              LOG.log(
                  Level.WARNING,
                  e,
                  () -> "Skipping " + type.getSimpleName() + " " + provider.type());
            }
          }
        }
      } catch (ServiceConfigurationError | LinkageError e) {
        LOG.log(Level.WARNING, e, () -> "Skipping broken plugin " + classLoader);
      }
    }
    return List.copyOf(found);
  }
}

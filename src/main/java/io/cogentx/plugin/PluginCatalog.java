package io.cogentx.plugin;

import io.cogentx.spi.Plugin;
import io.cogentx.spi.PluginProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The plugin providers found with {@link ServiceLoader}, of every {@link PluginKind}: built-in ones
 * (jars in the WAR, the application's class loader) and those in the {@code *.jar} files of the
 * plugins directory, each jar in a class loader of its own that looks in the jar first ({@link
 * PluginClassLoader}: a plugin's libraries never clash with the server's; only the SPI and the JDK
 * are shared). A provider that fails to load is logged and skipped; so is a broken jar.
 */
public final class PluginCatalog {

  private static final Logger LOG = Logger.getLogger(PluginCatalog.class.getName());

  private final Map<PluginKind, List<PluginProvider<?>>> providers =
      new EnumMap<>(PluginKind.class);
  private final List<Path> jars;

  /** Built-in plugins only. */
  public PluginCatalog(ClassLoader classLoader) {
    this(classLoader, null);
  }

  /**
   * Built-in plugins and those in the jars of {@code directory} (ignored when null or absent);
   * built-in ones come first, so they win when two claim the same name or media type.
   */
  public PluginCatalog(ClassLoader classLoader, Path directory) {
    List<ClassLoader> classLoaders = new ArrayList<>();
    classLoaders.add(classLoader);
    this.jars = jarsIn(directory);
    for (Path jar : jars) {
      try {
        classLoaders.add(
            new PluginClassLoader("plugin " + jar.getFileName(), jar.toUri().toURL(), classLoader));
      } catch (IOException e) {
        LOG.log(Level.WARNING, e, () -> "Skipping plugin jar " + jar);
      }
    }
    for (PluginKind kind : PluginKind.values()) {
      providers.put(kind, List.copyOf(load(kind.type(), classLoaders)));
    }
  }

  /** The plugin jars found in the plugins directory. */
  public List<Path> jars() {
    return jars;
  }

  /** The providers of a kind, built-in ones first. */
  public List<PluginProvider<?>> providers(PluginKind kind) {
    return providers.get(kind);
  }

  /** The providers implementing {@code type}, e.g. {@code OcrEngineProvider.class}. */
  public <P extends Plugin> List<P> providers(Class<P> type) {
    return providers.values().stream()
        .flatMap(List::stream)
        .filter(type::isInstance)
        .map(type::cast)
        .distinct()
        .toList();
  }

  /**
   * The provider of a kind that {@code name} names (its name or, for embedders, an alias), or an
   * error naming the setting and listing what there is.
   */
  public <P extends PluginProvider<?>> P named(PluginKind kind, String name) {
    @SuppressWarnings("unchecked")
    Class<P> type = (Class<P>) kind.type();
    String wanted = name.strip();
    return providers(type).stream()
        .filter(p -> p.name().equalsIgnoreCase(wanted) || aliases(p).contains(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    kind.setting()
                        + "="
                        + name
                        + " names no installed "
                        + kind.description()
                        + "; available: "
                        + providers(type).stream()
                            .map(Plugin::name)
                            .collect(Collectors.joining(", "))));
  }

  private static Set<String> aliases(Plugin provider) {
    return provider instanceof io.cogentx.spi.EmbedderProvider e ? e.aliases() : Set.of();
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
    return found;
  }
}

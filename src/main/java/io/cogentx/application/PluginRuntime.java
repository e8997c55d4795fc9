package io.cogentx.application;

import io.cogentx.plugin.PluginCatalog;
import io.cogentx.plugin.PluginKind;
import io.cogentx.retrieval.Loaders;
import io.cogentx.spi.DocumentLoaderProvider;
import io.cogentx.spi.Plugin;
import io.cogentx.spi.PluginConfig;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.PluginHealth;
import io.cogentx.spi.PluginProvider;
import io.cogentx.spi.SessionStorage;
import io.cogentx.spi.TranscriberProvider;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The plugins of this server: the catalog (built in and from {@code PLUGINS_DIRECTORY}), each
 * created once with its settings from MicroProfile Config, and what the created ones say about
 * their health. Plugins are created by the services that use them, through {@link #create}, so
 * every created plugin is known here and closed at the end.
 */
@ApplicationScoped
public class PluginRuntime {

  private static final Logger LOG = Logger.getLogger(PluginRuntime.class.getName());

  @Inject Config config;
  @Inject RetrievalSettings settings;
  @Inject TranscriberCalls transcriberCalls;

  @Inject
  @ConfigProperty(name = "SESSION_STORE")
  String sessionStore;

  private volatile PluginCatalog catalog;
  private final List<Created> created = new ArrayList<>();

  /** A created plugin and its provider. */
  public record Created(Plugin provider, Object plugin) {}

  /** The catalog, found on first use (the plugins directory is read once). */
  public PluginCatalog catalog() {
    PluginCatalog c = catalog;
    if (c == null) {
      synchronized (this) {
        if (catalog == null) {
          catalog =
              new PluginCatalog(
                  Thread.currentThread().getContextClassLoader(), settings.pluginsDirectory());
        }
        c = catalog;
      }
    }
    return c;
  }

  /**
   * What plugins are given: MicroProfile Config, and the other plugins of the catalog. Transcribers
   * are handed out guarded ({@link GuardedTranscribers}): the ones created are known here while
   * they live, and remote ones are called with fault tolerance.
   */
  public PluginContext context() {
    PluginConfig pluginConfig = key -> config.getOptionalValue(key, String.class);
    PluginCatalog plugins = catalog();
    return new PluginContext() {
      @Override
      public PluginConfig config() {
        return pluginConfig;
      }

      @Override
      public <P extends Plugin> List<P> providers(Class<P> kind) {
        return plugins.providers(kind).stream().map(p -> kind.cast(handedOut(p))).toList();
      }
    };
  }

  private Plugin handedOut(Plugin provider) {
    return provider instanceof TranscriberProvider transcribers
        ? GuardedTranscribers.guard(
            transcribers,
            transcriberCalls,
            (p, plugin) -> remember(new Created(p, plugin)),
            this::forget)
        : provider;
  }

  /**
   * Creates the plugin of a kind named by {@code name} (its setting's value) and remembers it.
   *
   * @throws Exception the provider's own failure, or an unknown name listing what there is
   */
  public <T> T create(PluginKind kind, String name) throws Exception {
    PluginProvider<?> provider = catalog().named(kind, name);
    return create(provider);
  }

  /**
   * The session store plugin {@code SESSION_STORE} names, created once for the server (the session
   * registry and everything that reads sessions use it); closed with the other plugins.
   */
  @Produces
  @ApplicationScoped
  SessionStorage sessionStorage() throws Exception {
    SessionStorage storage = create(PluginKind.SESSION_STORE, sessionStore);
    LOG.info(
        () ->
            "Session store "
                + sessionStore
                + (storage.durable() ? " (durable" : " (sessions end with the server")
                + (storage.shared() ? ", shared by the servers using it)" : ")"));
    return storage;
  }

  /** Creates every installed loader; one that cannot be created is logged and left out. */
  public List<Loaders.Named> createLoaders() {
    List<Loaders.Named> loaders = new ArrayList<>();
    for (DocumentLoaderProvider provider : catalog().providers(DocumentLoaderProvider.class)) {
      try {
        loaders.add(new Loaders.Named(provider.name(), create(provider)));
      } catch (Exception | LinkageError e) {
        LOG.log(Level.WARNING, e, () -> "Loader " + provider.name() + " cannot be used");
      }
    }
    return loaders;
  }

  @SuppressWarnings("unchecked")
  private <T> T create(PluginProvider<?> provider) throws Exception {
    Object plugin = provider.create(context());
    remember(new Created(provider, plugin));
    return (T) plugin;
  }

  private void remember(Created plugin) {
    synchronized (created) {
      created.add(plugin);
    }
  }

  /** A plugin closed by the plugin that created it is no longer in use. */
  private void forget(Object plugin) {
    synchronized (created) {
      created.removeIf(c -> c.plugin() == plugin);
    }
  }

  /** The plugins created so far, in order. */
  public List<Created> created() {
    synchronized (created) {
      return List.copyOf(created);
    }
  }

  /** The health of every created plugin that reports one, by plugin name. */
  public Map<String, PluginHealth> health() {
    Map<String, PluginHealth> out = new LinkedHashMap<>();
    for (Created c : created()) {
      if (c.plugin() instanceof PluginHealth.Reporting reporting) {
        try {
          out.put(c.provider().name(), reporting.health());
        } catch (RuntimeException e) {
          out.put(
              c.provider().name(), PluginHealth.down("Its health check failed: " + e, Map.of()));
        }
      }
    }
    return out;
  }

  @PreDestroy
  void close() {
    for (Created c : created()) {
      if (c.plugin() instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          LOG.log(Level.WARNING, e, () -> "Closing plugin " + c.provider().name() + " failed");
        }
      }
    }
  }
}

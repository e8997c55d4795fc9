package io.cogentx.api;

import io.cogentx.application.PluginRuntime;
import io.cogentx.application.RetrievalRuntime;
import io.cogentx.plugin.PluginKind;
import io.cogentx.retrieval.Loaders;
import io.cogentx.spi.Plugin;
import io.cogentx.spi.PluginConfig;
import io.cogentx.spi.PluginHealth;
import io.cogentx.spi.Setting;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the server can read and how it searches and answers: every plugin installed, by kind, with
 * the settings it reads and what they are set to, and the health of those in use. Needs no session.
 */
@Path("plugins")
@Tag(name = "Plugins")
public class PluginsResource {

  /**
   * One setting: its name, default, current value ({@code null} when it is a secret: then only
   * whether it is set) and what it does.
   */
  public record SettingView(
      String name, String defaultValue, String value, boolean set, String description) {
    static SettingView of(Setting s, PluginConfig config) {
      String value = config.get(s);
      boolean set = config.get(s.name()).filter(v -> !v.isBlank()).isPresent();
      return new SettingView(
          s.name(), s.defaultValue(), s.secret() ? null : value, set, s.description());
    }
  }

  /** The state of a plugin in use ({@code up|degraded|down}) and why. */
  public record HealthView(String status, String message, Map<String, String> data) {
    static HealthView of(PluginHealth h) {
      return new HealthView(
          h.status().name().toLowerCase(java.util.Locale.ROOT), h.message(), h.data());
    }
  }

  /**
   * One plugin; a loader also lists what it reads and what its progress counts.
   *
   * @param active whether the server uses it (loaders: all; other kinds: the one configured)
   */
  public record PluginView(
      String name,
      String version,
      boolean active,
      List<SettingView> settings,
      Set<String> mediaTypes,
      Set<String> fileExtensions,
      String progressUnit,
      HealthView health) {}

  /** Every kind's plugins, and the plugin jars found in the plugins directory. */
  public record Plugins(Map<String, List<PluginView>> kinds, List<String> pluginJars) {}

  @Inject PluginRuntime plugins;
  @Inject RetrievalRuntime retrieval;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Installed plugins by kind (loaders, embedders, index backends, generators,"
              + " transcribers, OCR engines): settings, formats, health")
  public Plugins listPlugins() {
    PluginConfig config = plugins.context().config();
    Map<String, PluginHealth> health = plugins.health();
    Map<String, Loaders.Named> loaders = new LinkedHashMap<>();
    if (retrieval.ready()) {
      retrieval.loaders().all().forEach(l -> loaders.put(l.name(), l));
    }
    Set<String> created = new TreeSet<>();
    plugins.created().forEach(c -> created.add(key(c.provider())));
    Map<String, List<PluginView>> kinds = new LinkedHashMap<>();
    for (PluginKind kind : PluginKind.values()) {
      kinds.put(
          kind.plural(),
          plugins.catalog().providers(kind).stream()
              .map(
                  p -> {
                    Loaders.Named loader = kind == PluginKind.LOADER ? loaders.get(p.name()) : null;
                    PluginHealth h = health.get(p.name());
                    return new PluginView(
                        p.name(),
                        p.version(),
                        created.contains(key(p)),
                        p.settings().stream().map(s -> SettingView.of(s, config)).toList(),
                        loader == null ? null : new TreeSet<>(loader.loader().mediaTypes()),
                        loader == null ? null : new TreeSet<>(loader.loader().fileExtensions()),
                        loader == null ? null : loader.loader().progressUnit(),
                        h == null ? null : HealthView.of(h));
                  })
              .toList());
    }
    return new Plugins(
        kinds, plugins.catalog().jars().stream().map(p -> p.getFileName().toString()).toList());
  }

  private static String key(Plugin provider) {
    return provider.getClass().getName();
  }
}

package io.cogentx.api;

import io.cogentx.knowledge.PluginCatalog;
import io.cogentx.knowledge.RetrievalRuntime;
import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.Plugin;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the server can read and how it searches: the plugins loaded at start. Needs no session. */
@Path("plugins")
@Tag(name = "Plugins")
public class PluginsResource {

  /** A document loader. */
  public record LoaderView(
      String name, String version, Set<String> mediaTypes, Set<String> fileExtensions) {
    static LoaderView of(DocumentLoader l) {
      return new LoaderView(
          l.name(), l.version(), new TreeSet<>(l.mediaTypes()), new TreeSet<>(l.fileExtensions()));
    }
  }

  /** Any other plugin. */
  public record PluginView(String name, String version) {
    static PluginView of(Plugin p) {
      return new PluginView(p.name(), p.version());
    }
  }

  /** Everything loaded, and the plugin jars found in the plugins directory. */
  public record Plugins(
      List<LoaderView> loaders,
      List<PluginView> embedders,
      List<PluginView> indexBackends,
      List<PluginView> generators,
      List<String> pluginJars) {}

  @Inject RetrievalRuntime runtime;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Loaded plugins: loaders with their media types, embedders, index backends, answer"
              + " generators")
  public Plugins listPlugins() {
    PluginCatalog catalog = runtime.plugins();
    return new Plugins(
        catalog.loaders().stream().map(LoaderView::of).toList(),
        catalog.embedders().stream().map(PluginView::of).toList(),
        catalog.backends().stream().map(PluginView::of).toList(),
        catalog.generators().stream().map(PluginView::of).toList(),
        catalog.jars().stream().map(p -> p.getFileName().toString()).toList());
  }
}

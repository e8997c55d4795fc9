package io.cogentx.spi;

/**
 * The one shape of every plugin: a provider, found with {@link java.util.ServiceLoader} through a
 * {@code META-INF/services} entry for its kind (e.g. {@code
 * io.cogentx.spi.DocumentLoaderProvider}), with a public no-argument constructor. The server
 * creates each configured plugin once at start; {@link #create} may take seconds (loading a model)
 * but must not call remote services.
 *
 * @param <T> what the plugin does for the server, e.g. {@link DocumentLoader}
 */
public interface PluginProvider<T> extends Plugin {

  /**
   * Creates the working plugin from its settings.
   *
   * @throws Exception when the settings are invalid or a resource the plugin needs is missing; the
   *     message is shown to the operator
   */
  T create(PluginContext context) throws Exception;
}

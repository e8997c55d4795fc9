package io.cogentx.plugins.loader.pdf;

import io.cogentx.spi.OcrEngine;
import io.cogentx.spi.OcrEngineProvider;
import io.cogentx.spi.PluginContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The OCR engines installed (OCR engine plugins), and the one to use: created and checked only when
 * the first scanned page needs one, then remembered. Thread-safe.
 */
final class OcrEngines implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(OcrEngines.class.getName());

  private final String setting;
  private final List<OcrEngineProvider> providers;
  private final PluginContext context;
  private final List<OcrEngine> created = new ArrayList<>();
  private Optional<NamedOcr> chosen;

  /**
   * @param setting {@code OCR_ENGINE}: {@code none}, {@code auto} or an engine's name
   */
  OcrEngines(String setting, List<OcrEngineProvider> providers, PluginContext context) {
    this.setting = setting;
    this.providers = List.copyOf(providers);
    this.context = context;
  }

  /** The engine to use, if any: looked for once. */
  synchronized Optional<NamedOcr> chosen() {
    if (chosen == null) {
      chosen = select();
    }
    return chosen;
  }

  /**
   * None when the setting is {@code none}, the named engine when it is available, else (for {@code
   * auto}) the first available engine.
   */
  private Optional<NamedOcr> select() {
    if ("none".equalsIgnoreCase(setting)) {
      return Optional.empty();
    }
    boolean auto = setting == null || setting.isBlank() || "auto".equalsIgnoreCase(setting);
    for (OcrEngineProvider provider : providers) {
      if (auto || provider.name().equalsIgnoreCase(setting)) {
        Optional<OcrEngine> engine = createIfAvailable(provider);
        if (engine.isPresent()) {
          return Optional.of(new NamedOcr(provider.name(), engine.get()));
        }
      }
    }
    return Optional.empty();
  }

  private Optional<OcrEngine> createIfAvailable(OcrEngineProvider provider) {
    try {
      OcrEngine engine = provider.create(context);
      created.add(engine);
      return engine.available() ? Optional.of(engine) : Optional.empty();
    } catch (Exception e) {
      LOG.log(System.Logger.Level.WARNING, "OCR engine " + provider.name() + " cannot be used", e);
      return Optional.empty();
    }
  }

  @Override
  public synchronized void close() {
    created.forEach(OcrEngine::close);
    created.clear();
    chosen = null;
  }
}

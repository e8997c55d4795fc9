package io.cogentx.plugins.loader.pdf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Finds {@link OcrEngine}s with {@link ServiceLoader} and picks the configured one. */
final class OcrEngines {

  private static final System.Logger LOG = System.getLogger(OcrEngines.class.getName());

  private OcrEngines() {}

  /**
   * Engines visible from this plugin's class loader and from the thread's context class loader
   * (where a server may put plugins of its own), one per class.
   */
  static List<OcrEngine> discover() {
    Map<String, OcrEngine> found = new LinkedHashMap<>();
    List<ClassLoader> loaders = new ArrayList<>();
    loaders.add(OcrEngine.class.getClassLoader());
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null && context != loaders.get(0)) {
      loaders.add(context);
    }
    for (ClassLoader loader : loaders) {
      try {
        for (OcrEngine engine : ServiceLoader.load(OcrEngine.class, loader)) {
          found.putIfAbsent(engine.getClass().getName(), engine);
        }
      } catch (ServiceConfigurationError e) {
        LOG.log(System.Logger.Level.WARNING, "An OCR engine could not be loaded", e);
      }
    }
    return List.copyOf(found.values());
  }

  /**
   * The engine to use: none when {@code setting} is {@code none}, the named one when it is
   * available, else (for {@code auto}) the first available engine.
   */
  static Optional<OcrEngine> select(String setting, List<OcrEngine> engines) {
    if ("none".equalsIgnoreCase(setting)) {
      return Optional.empty();
    }
    boolean auto = setting == null || setting.isBlank() || "auto".equalsIgnoreCase(setting);
    for (OcrEngine engine : engines) {
      if ((auto || engine.name().equalsIgnoreCase(setting)) && isAvailable(engine)) {
        return Optional.of(engine);
      }
    }
    return Optional.empty();
  }

  private static boolean isAvailable(OcrEngine engine) {
    try {
      return engine.available();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "OCR engine " + engine.name() + " failed its check", e);
      return false;
    }
  }
}

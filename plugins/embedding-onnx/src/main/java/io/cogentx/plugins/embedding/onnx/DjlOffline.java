package io.cogentx.plugins.embedding.onnx;

import java.lang.System.Logger.Level;
import java.nio.file.Path;

/**
 * Keeps DJL's tokenizer binding off the network. Creating a tokenizer calls DJL's telemetry ("call
 * home", which first probes the cloud metadata address) unless tracking is opted out or offline
 * mode is on, and its native-library loader may download a GPU build unless offline mode is on. DJL
 * reads these switches from environment variables first, then system properties, so only missing
 * ones are set here, before the first DJL class initialises.
 */
final class DjlOffline {

  private static final System.Logger LOG = System.getLogger(DjlOffline.class.getName());

  private DjlOffline() {}

  static synchronized void prepare(Path nativeCacheDir) {
    setIfMissing("OPT_OUT_TRACKING", "OPT_OUT_TRACKING", "true");
    setIfMissing("DJL_OFFLINE", "ai.djl.offline", "true");
    setIfMissing("DJL_CACHE_DIR", "DJL_CACHE_DIR", nativeCacheDir.toString());
    if (!effective("DJL_OFFLINE", "ai.djl.offline")) {
      LOG.log(
          Level.WARNING,
          "DJL offline mode is switched off (DJL_OFFLINE); DJL may download native libraries");
    }
    if (!effective("OPT_OUT_TRACKING", "OPT_OUT_TRACKING")
        && !effective("DJL_OFFLINE", "ai.djl.offline")) {
      LOG.log(Level.WARNING, "DJL telemetry is switched on; set OPT_OUT_TRACKING=true");
    }
  }

  private static void setIfMissing(String env, String property, String value) {
    if (System.getenv(env) == null && System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  private static boolean effective(String env, String property) {
    String value = System.getenv(env);
    return Boolean.parseBoolean(value != null ? value : System.getProperty(property));
  }
}

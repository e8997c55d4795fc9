package io.cogentx.plugin;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one plugin jar from the plugins directory: <em>child-first</em>. A class is
 * looked up in the jar before the server's class loader, so a plugin's own libraries (Apache POI,
 * commons-compress, its own Tika, …) win over copies of the same libraries in the server, whatever
 * their versions. Two kinds of class are always the parent's: the plugin SPI ({@code
 * io.cogentx.spi.*}), which the server and the plugin must share for the plugin to be one, and the
 * JDK's (whatever the platform class loader defines). Resources are found in the jar first too,
 * then in the server; {@code META-INF/services} files of both are listed, the jar's first.
 */
final class PluginClassLoader extends URLClassLoader {

  /** Packages shared with the server: the SPI's types are the contract between the two. */
  static final String SHARED_PREFIX = "io.cogentx.spi.";

  static {
    ClassLoader.registerAsParallelCapable();
  }

  private final ClassLoader platform = ClassLoader.getPlatformClassLoader();

  PluginClassLoader(String name, URL jar, ClassLoader parent) {
    super(name, new URL[] {jar}, parent);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        loaded = name.startsWith(SHARED_PREFIX) ? getParent().loadClass(name) : childFirst(name);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  private Class<?> childFirst(String name) throws ClassNotFoundException {
    Class<?> jdk = jdkClass(name);
    if (jdk != null) {
      return jdk;
    }
    try {
      return findClass(name);
    } catch (ClassNotFoundException notInTheJar) {
      return getParent().loadClass(name);
    }
  }

  /** The JDK's class of that name, or null when the JDK has none. */
  private Class<?> jdkClass(String name) throws ClassNotFoundException {
    if (name.startsWith("java.")) {
      return platform.loadClass(name);
    }
    try {
      return platform.loadClass(name);
    } catch (ClassNotFoundException notTheJdks) {
      return null;
    }
  }

  @Override
  public URL getResource(String name) {
    URL own = findResource(name);
    return own != null ? own : super.getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
    for (URL url : Collections.list(getParent().getResources(name))) {
      if (!all.contains(url)) {
        all.add(url);
      }
    }
    return Collections.enumeration(all);
  }
}

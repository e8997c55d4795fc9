package io.cogentx.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cogentx.spi.DocumentLoaderProvider;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.Progress;
import io.cogentx.spi.Segment;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A loader plugin compiled and packed into a jar while the test runs, dropped into a plugins
 * directory, is found without rebuilding anything; a broken jar beside it is skipped.
 */
class PluginCatalogTest {

  private static final String SOURCE =
      """
      package com.example.rot13;

      import io.cogentx.spi.*;
      import java.util.Set;

      public class Rot13Loader implements DocumentLoaderProvider, DocumentLoader {
        public String name() { return "rot13"; }
        public DocumentLoader create(PluginContext context) { return this; }
        public Set<String> mediaTypes() { return Set.of("text/x-rot13"); }
        public Set<String> fileExtensions() { return Set.of("rot13"); }
        public LoadResult load(LoadRequest request, SegmentSink sink, Progress progress)
            throws DocumentException {
          try {
            String text = new String(java.nio.file.Files.readAllBytes(request.file()), "UTF-8");
            StringBuilder out = new StringBuilder();
            for (char c : text.toCharArray()) {
              if (c >= 'a' && c <= 'z') c = (char) ('a' + (c - 'a' + 13) % 26);
              out.append(c);
            }
            sink.accept(Segment.of(out.toString()));
            return LoadResult.titled(null);
          } catch (java.io.IOException e) {
            throw new DocumentException(DocumentException.Reason.DAMAGED, "unreadable", e);
          }
        }
      }
      """;

  /**
   * A plugin carrying its own version of a library the server has too ({@link
   * com.example.shared.Library}, whose server copy says "the server's copy"), and a copy of an SPI
   * interface.
   */
  private static final String ISOLATED_SOURCE =
      """
      package com.example.isolated;

      import io.cogentx.spi.*;
      import java.util.Set;

      public class IsolatedLoader implements DocumentLoaderProvider, DocumentLoader {
        public String name() { return "isolated"; }
        public DocumentLoader create(PluginContext context) { return this; }
        public Set<String> mediaTypes() { return Set.of("text/x-isolated"); }
        public Set<String> fileExtensions() { return Set.of("isolated"); }
        public LoadResult load(LoadRequest request, SegmentSink sink, Progress progress) {
          sink.accept(Segment.of(com.example.shared.Library.copy()));
          return LoadResult.titled(null);
        }
      }
      """;

  private static final String PLUGIN_LIBRARY =
      """
      package com.example.shared;

      public final class Library {
        public static String copy() { return "the plugin's copy"; }
      }
      """;

  @TempDir Path dir;

  @Test
  void pluginJarDroppedIntoTheDirectoryIsLoadedAndWorks() throws Exception {
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    buildPluginJar(plugins.resolve("rot13-loader.jar"));
    Files.writeString(plugins.resolve("broken.jar"), "not a jar at all");
    Files.writeString(plugins.resolve("notes.txt"), "ignored");

    PluginCatalog catalog = new PluginCatalog(getClass().getClassLoader(), plugins);

    assertThat(catalog.jars())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("broken.jar", "rot13-loader.jar");
    DocumentLoaderProvider rot13 = catalog.named(PluginKind.LOADER, "rot13");
    assertThat(rot13.getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());
    List<Segment> segments = new ArrayList<>();
    Path file = Files.writeString(dir.resolve("x.rot13"), "uryyb");
    rot13
        .create(PluginContext.of(Map.of()))
        .load(
            new LoadRequest(file, "x.rot13", "text/x-rot13", Map.of()),
            segments::add,
            Progress.NONE);
    assertThat(segments).extracting(Segment::text).containsExactly("hello");
    // the built-in loaders are still there, and first
    assertThat(catalog.providers(PluginKind.LOADER).get(0).name())
        .isIn("text", "markdown", "pdf", "office");
    assertThat(catalog.providers(PluginKind.LOADER))
        .extracting(p -> p.name())
        .contains("text", "markdown", "rot13");
  }

  @Test
  void aPluginUsesItsOwnCopyOfALibraryTheServerAlsoHasButSharesTheSpi() throws Exception {
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    Path classes =
        compile(
            Map.of(
                "com/example/isolated/IsolatedLoader.java", ISOLATED_SOURCE,
                "com/example/shared/Library.java", PLUGIN_LIBRARY));
    byte[] spiCopy;
    try (var in = getClass().getResourceAsStream("/io/cogentx/spi/DocumentLoaderProvider.class")) {
      spiCopy = in.readAllBytes();
    }
    writeJar(
        plugins.resolve("isolated.jar"),
        Map.of(
            "META-INF/services/io.cogentx.spi.DocumentLoaderProvider",
            "com.example.isolated.IsolatedLoader\n".getBytes(StandardCharsets.UTF_8),
            "com/example/isolated/IsolatedLoader.class",
            Files.readAllBytes(classes.resolve("com/example/isolated/IsolatedLoader.class")),
            "com/example/shared/Library.class",
            Files.readAllBytes(classes.resolve("com/example/shared/Library.class")),
            // an SPI type packed into a plugin by mistake must not replace the server's
            "io/cogentx/spi/DocumentLoaderProvider.class",
            spiCopy));

    PluginCatalog catalog = new PluginCatalog(getClass().getClassLoader(), plugins);
    DocumentLoaderProvider isolated = catalog.named(PluginKind.LOADER, "isolated");
    List<Segment> segments = new ArrayList<>();
    isolated
        .create(PluginContext.of(Map.of()))
        .load(
            new LoadRequest(
                Files.writeString(dir.resolve("a.isolated"), "x"), "a.isolated", null, Map.of()),
            segments::add,
            Progress.NONE);

    assertThat(com.example.shared.Library.copy()).isEqualTo("the server's copy");
    assertThat(segments).extracting(Segment::text).containsExactly("the plugin's copy");
    assertThat(isolated).isInstanceOf(DocumentLoaderProvider.class);
    ClassLoader pluginLoader = isolated.getClass().getClassLoader();
    assertThat(pluginLoader.loadClass("io.cogentx.spi.DocumentLoaderProvider"))
        .isSameAs(DocumentLoaderProvider.class);
    assertThat(pluginLoader.loadClass("java.lang.String")).isSameAs(String.class);
    assertThat(pluginLoader.loadClass("javax.xml.parsers.SAXParserFactory"))
        .isSameAs(javax.xml.parsers.SAXParserFactory.class);
    assertThat(pluginLoader.loadClass("com.example.shared.Library"))
        .isNotSameAs(com.example.shared.Library.class);
    assertThat(pluginLoader.getResource("com/example/shared/Library.class").toString())
        .contains("isolated.jar");
    // what the jar does not have comes from the server
    assertThat(pluginLoader.loadClass(PluginCatalog.class.getName())).isSameAs(PluginCatalog.class);
  }

  @Test
  void missingDirectoryMeansBuiltInsOnly() {
    PluginCatalog catalog = new PluginCatalog(getClass().getClassLoader(), dir.resolve("none"));
    assertThat(catalog.jars()).isEmpty();
    assertThat(catalog.providers(PluginKind.LOADER))
        .extracting(p -> p.name())
        .contains("text", "markdown");
  }

  @Test
  void unknownNameListsWhatThereIs() {
    PluginCatalog catalog = new PluginCatalog(getClass().getClassLoader());
    assertThatThrownBy(() -> catalog.named(PluginKind.INDEX_BACKEND, "faiss"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("VECTOR_BACKEND=faiss")
        .hasMessageContaining("lucene")
        .hasMessageContaining("exact");
  }

  /** Compiles sources (path → text) against the test class path; returns the classes folder. */
  private Path compile(Map<String, String> sources) throws IOException {
    Path src = Files.createDirectories(dir.resolve("isolated-src"));
    Path classes = Files.createDirectories(dir.resolve("isolated-classes"));
    List<String> args =
        new ArrayList<>(
            List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString()));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      args.add(file.toString());
    }
    int status =
        ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
    assertThat(status).as("plugin compiles").isZero();
    return classes;
  }

  private static void writeJar(Path jar, Map<String, byte[]> entries) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        out.putNextEntry(new JarEntry(entry.getKey()));
        out.write(entry.getValue());
      }
    }
  }

  private void buildPluginJar(Path jar) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src/com/example/rot13"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Files.writeString(src.resolve("Rot13Loader.java"), SOURCE);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status =
        javac.run(
            null,
            null,
            null,
            "-classpath",
            System.getProperty("java.class.path"),
            "-d",
            classes.toString(),
            src.resolve("Rot13Loader.java").toString());
    assertThat(status).as("plugin compiles").isZero();
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry("META-INF/services/io.cogentx.spi.DocumentLoaderProvider"));
      out.write("com.example.rot13.Rot13Loader\n".getBytes(StandardCharsets.UTF_8));
      out.putNextEntry(new JarEntry("com/example/rot13/Rot13Loader.class"));
      out.write(Files.readAllBytes(classes.resolve("com/example/rot13/Rot13Loader.class")));
    }
  }
}

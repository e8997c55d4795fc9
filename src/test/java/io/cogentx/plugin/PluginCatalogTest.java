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
    assertThat(catalog.providers(PluginKind.LOADER).get(0).name()).isIn("text", "markdown", "pdf");
    assertThat(catalog.providers(PluginKind.LOADER))
        .extracting(p -> p.name())
        .contains("text", "markdown", "rot13");
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

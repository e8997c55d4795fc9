package io.cogentx.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.spi.DocumentLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A plugin jar that is not built into the server, made the way a third party would: one {@link
 * DocumentLoader} compiled against the SPI alone, with its {@code META-INF/services} entry. It
 * reads {@code .rot13} files and indexes their ROT13-decoded text, so a search that finds the plain
 * words proves the plugin's own code ran.
 */
final class DropInPlugin {

  static final String NAME = "rot13";
  static final String EXTENSION = "rot13";
  static final String VERSION = "1.0-e2e";
  static final String JAR_NAME = "cogentx-rot13-loader-" + VERSION + ".jar";

  private static final String CLASS = "io.cogentx.e2e.rot13.Rot13Loader";
  private static final String SOURCE =
      """
      package io.cogentx.e2e.rot13;

      import io.cogentx.spi.DocumentException;
      import io.cogentx.spi.DocumentLoader;
      import io.cogentx.spi.LoadRequest;
      import io.cogentx.spi.LoadResult;
      import io.cogentx.spi.Segment;
      import io.cogentx.spi.SegmentSink;
      import java.io.IOException;
      import java.nio.charset.StandardCharsets;
      import java.util.Set;

      /** Reads ROT13-encoded text files: a drop-in plugin for the Docker end-to-end test. */
      public final class Rot13Loader implements DocumentLoader {

        @Override
        public String name() {
          return "rot13";
        }

        @Override
        public Set<String> mediaTypes() {
          return Set.of("text/x-rot13");
        }

        @Override
        public Set<String> fileExtensions() {
          return Set.of("rot13");
        }

        @Override
        public LoadResult load(LoadRequest request, SegmentSink sink) throws DocumentException {
          String text;
          try {
            text = new String(request.content().readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new DocumentException(DocumentException.Reason.DAMAGED, "Unreadable", e);
          }
          StringBuilder plain = new StringBuilder(text.length());
          for (char c : text.toCharArray()) {
            if (c >= 'a' && c <= 'z') {
              plain.append((char) ('a' + (c - 'a' + 13) % 26));
            } else if (c >= 'A' && c <= 'Z') {
              plain.append((char) ('A' + (c - 'A' + 13) % 26));
            } else {
              plain.append(c);
            }
          }
          sink.accept(Segment.of(plain.toString()));
          return LoadResult.titled(null);
        }
      }
      """;

  private DropInPlugin() {}

  /** ROT13, the plugin's encoding (its own inverse). */
  static String rot13(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c >= 'a' && c <= 'z') {
        out.append((char) ('a' + (c - 'a' + 13) % 26));
      } else if (c >= 'A' && c <= 'Z') {
        out.append((char) ('A' + (c - 'A' + 13) % 26));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Compiles the loader against the SPI (for Java 21, like the server) into {@code dir}. */
  static Path build(Path dir) {
    try {
      Path src = dir.resolve("src/" + CLASS.replace('.', '/') + ".java");
      Path classes = dir.resolve("classes");
      Files.createDirectories(src.getParent());
      Files.createDirectories(classes);
      Files.writeString(src, SOURCE);
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      assertThat(javac).as("the tests run on a JDK").isNotNull();
      Path spi =
          Path.of(DocumentLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      int status =
          javac.run(
              null,
              null,
              null,
              "--release",
              "21",
              "-proc:none",
              "-classpath",
              spi.toString(),
              "-d",
              classes.toString(),
              src.toString());
      assertThat(status).as("javac of the drop-in plugin").isZero();

      Manifest manifest = new Manifest();
      manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
      manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_TITLE, "ROT13 loader");
      manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, VERSION);
      Path jar = dir.resolve(JAR_NAME);
      try (OutputStream file = Files.newOutputStream(jar);
          JarOutputStream out = new JarOutputStream(file, manifest);
          Stream<Path> files = Files.walk(classes)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
          out.write(Files.readAllBytes(f));
          out.closeEntry();
        }
        out.putNextEntry(new JarEntry("META-INF/services/" + DocumentLoader.class.getName()));
        out.write((CLASS + "\n").getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.cogentx.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.cogentx.plugin.PluginKind;
import io.cogentx.spi.Plugin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house rules: packages point one way ({@code api}, {@code health}, {@code web} → {@code
 * application} → the domain → {@code problem} and the SPI), and the server's code never names a
 * plugin (plugins are chosen by configuration).
 */
class ArchitectureTest {

  private static final JavaClasses SERVER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages("io.cogentx");

  @Test
  void packagesPointOneWay() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Adapters")
        .definedBy("io.cogentx.api..", "io.cogentx.health..", "io.cogentx.web..")
        .layer("Application")
        .definedBy("io.cogentx.application..")
        .layer("Domain")
        .definedBy(
            "io.cogentx.session..",
            "io.cogentx.retrieval..",
            "io.cogentx.jobs..",
            "io.cogentx.answer..",
            "io.cogentx.plugin..")
        .layer("Problems")
        .definedBy("io.cogentx.problem..")
        .whereLayer("Adapters")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Application")
        .mayOnlyBeAccessedByLayers("Adapters")
        .whereLayer("Domain")
        .mayOnlyBeAccessedByLayers("Adapters", "Application")
        .check(SERVER);
  }

  @Test
  void theServerNamesNoPlugin() throws IOException {
    List<String> names = new ArrayList<>();
    for (PluginKind kind : PluginKind.values()) {
      for (Plugin p : ServiceLoader.load(kind.type())) {
        names.add(p.name().toLowerCase(Locale.ROOT));
      }
    }
    assertThat(names).as("plugins on the test class path").contains("pdf", "lucene", "ollama");

    Pattern literal = Pattern.compile("\"([^\"\\\\]{1,60})\"");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = literal.matcher(Files.readString(file));
        while (m.find()) {
          if (names.contains(m.group(1).toLowerCase(Locale.ROOT))) {
            found.add(file.getFileName() + ": \"" + m.group(1) + "\"");
          }
        }
      }
    }
    assertThat(found).as("plugin names in the server's code").isEmpty();
  }
}

package io.cogentx.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.plugin.PluginKind;
import io.cogentx.spi.Plugin;
import io.cogentx.spi.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md names every setting the server reads and every setting a plugin declares,
 * with the default that applies, so an operator can trust it.
 */
class ConfigurationDocsTest {

  private static final Path DOC = Path.of("docs/configuration.md");

  /** Rows of the doc's tables: {@code | `NAME` | `default` | meaning |}. */
  private static Map<String, String> documented() throws IOException {
    Map<String, String> rows = new HashMap<>();
    Matcher row =
        Pattern.compile("(?m)^\\| `([A-Z0-9_]+)` \\| `([^`]*)` \\|").matcher(Files.readString(DOC));
    while (row.find()) {
      rows.put(row.group(1), row.group(2));
    }
    return rows;
  }

  @Test
  void everySettingAPluginDeclaresIsDocumentedWithItsDefault() throws IOException {
    Map<String, String> documented = documented();
    Map<String, Set<String>> declared = new HashMap<>();
    for (PluginKind kind : PluginKind.values()) {
      for (Plugin plugin : ServiceLoader.load(kind.type())) {
        for (Setting s : plugin.settings()) {
          declared.computeIfAbsent(s.name(), k -> new HashSet<>()).add(s.defaultValue());
        }
      }
    }
    assertThat(declared).as("settings declared by the plugins on the class path").isNotEmpty();
    declared.forEach(
        (name, defaults) -> {
          assertThat(documented).as(name + " in " + DOC).containsKey(name);
          assertThat(defaults)
              .as("the defaults " + name + " declares")
              .contains(documented.get(name));
        });
  }

  @Test
  void everySettingTheServerReadsIsDocumentedWithItsDefault() throws IOException {
    Map<String, String> documented = documented();
    Map<String, String> read = new HashMap<>();
    Pattern property =
        Pattern.compile(
            "@ConfigProperty\\(\\s*name\\s*=\\s*\"([A-Z0-9_]+)\"(?:\\s*,\\s*defaultValue\\s*=\\s*\"([^\"]*)\")?");
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = property.matcher(Files.readString(f));
        while (m.find()) {
          read.put(m.group(1), m.group(2));
        }
      }
    }
    Properties defaults = new Properties();
    try (var in =
        Files.newInputStream(
            Path.of("src/main/resources/META-INF/microprofile-config.properties"))) {
      defaults.load(in);
    }
    Matcher variable =
        Pattern.compile("<variable name=\"([A-Z0-9_]+)\" defaultValue=\"([^\"]*)\"/>")
            .matcher(Files.readString(Path.of("liberty/server.xml")));
    while (variable.find()) {
      read.put(variable.group(1), variable.group(2));
    }
    assertThat(read).as("settings read by the server").hasSizeGreaterThan(20);
    for (Map.Entry<String, String> e : read.entrySet()) {
      String name = e.getKey();
      String expected = e.getValue() != null ? e.getValue() : defaults.getProperty(name, "");
      if (expected.startsWith("${") && expected.contains(":")) {
        expected = expected.substring(expected.indexOf(':') + 1, expected.length() - 1); // ${A:30}
      }
      assertThat(documented).as(name + " in " + DOC).containsKey(name);
      assertThat(documented.get(name)).as("default of " + name).isEqualTo(expected);
    }
    assertThat(List.copyOf(documented.keySet())).contains("PLUGINS_DIRECTORY");
  }
}

package io.cogentx.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A results file is valid JSON that says where it came from, under the name it was given. */
class BenchResultTest {

  @TempDir Path dir;

  @Test
  void writesValidJsonWithProvenanceUnderTheGivenName() throws Exception {
    String previous = System.setProperty("bench.results", dir.toString());
    try {
      Map<String, Object> nested = new LinkedHashMap<>();
      nested.put("list", List.of(1, 2.5, "three \"quoted\"\n"));
      nested.put("not_a_number", Double.NaN);
      nested.put("nothing", null);
      String name = BenchResult.name(new String[] {"--x=1", "--name=my-run"}, "default");
      new BenchResult(name).put("value", 0.728).put("nested", nested).write("summary");

      JsonObject json;
      try (JsonReader reader =
          Json.createReader(new StringReader(Files.readString(dir.resolve("my-run.json"))))) {
        json = reader.readObject();
      }
      assertThat(json.getString("benchmark")).isEqualTo("my-run");
      assertThat(json.getJsonObject("results").getJsonNumber("value").doubleValue())
          .isEqualTo(0.728);
      JsonObject n = json.getJsonObject("results").getJsonObject("nested");
      assertThat(n.getJsonArray("list").getString(2)).isEqualTo("three \"quoted\"\n");
      assertThat(n.isNull("not_a_number")).isTrue();
      assertThat(n.isNull("nothing")).isTrue();
      assertThat(json.getJsonObject("git").getString("commit")).isNotBlank();
      assertThat(json.getString("command")).isNotBlank();
      JsonObject machine = json.getJsonObject("machine");
      assertThat(machine.getInt("cores")).isPositive();
      assertThat(machine.getString("cpu")).isNotBlank();
      assertThat(machine.getString("jdk")).contains(System.getProperty("java.runtime.version"));
      assertThat(machine.getString("os")).isNotBlank();
      assertThat(json.getString("started")).isNotBlank();
      assertThat(json.getString("finished")).isNotBlank();
    } finally {
      if (previous == null) {
        System.clearProperty("bench.results");
      } else {
        System.setProperty("bench.results", previous);
      }
    }
  }

  @Test
  void withoutANameTheDefault() {
    assertThat(BenchResult.name(new String[] {"--split=test"}, "squad-test"))
        .isEqualTo("squad-test");
  }

  @Test
  void aNameCannotLeaveTheResultsFolder() {
    assertThatThrownBy(() -> new BenchResult("../README"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BenchResult("a/b")).isInstanceOf(IllegalArgumentException.class);
  }
}

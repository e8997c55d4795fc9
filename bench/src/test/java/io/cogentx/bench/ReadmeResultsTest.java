package io.cogentx.bench;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every figure in the README's results table is in the results file it names: the table's rows are
 * {@code | figure | value | goal | `FILE.json` `key/path` | data |}, the key path leads from the
 * file's {@code results} object to a number, and the value quoted must be that number rounded to
 * the digits shown (in percent when the value says {@code %} and the file holds a fraction; in
 * millions when it says {@code M}). The data column (starting with {@code test}, {@code dev} or
 * {@code —}) must agree with the file's {@code split}, each file must record its commit and
 * command, and {@code bench/run-all.sh} must regenerate it.
 */
class ReadmeResultsTest {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Pattern NUMBER = Pattern.compile("[-+−]?\\d[\\d,]*(?:\\.(\\d+))?");
  private static final Pattern TICKED = Pattern.compile("`([^`]+)`");

  /** One line of the table. */
  record Row(String figure, String value, String goal, String file, String key, String data) {}

  @Test
  void everyQuotedFigureIsInItsResultsFile() throws IOException {
    List<Row> rows = rows(Files.readString(ROOT.resolve("README.md")));
    assertThat(rows).as("rows of the README's ## Results table").hasSizeGreaterThan(10);
    String runAll = Files.readString(ROOT.resolve("bench/run-all.sh"));
    List<String> problems = new ArrayList<>();
    for (Row row : rows) {
      String problem = check(row, runAll);
      if (problem != null) {
        problems.add(row.figure() + ": " + problem);
      }
    }
    assertThat(problems).as("README results rows not backed by their files").isEmpty();
  }

  @Test
  void theCheckCatchesAWrongFigure() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    Row row = rows(readme).get(0);
    String runAll = Files.readString(ROOT.resolve("bench/run-all.sh"));
    assertThat(check(row, runAll)).isNull();
    Matcher m = NUMBER.matcher(row.value());
    assertThat(m.find()).isTrue();
    String changed = row.value().substring(0, m.end()) + "9" + row.value().substring(m.end());
    Row wrong = new Row(row.figure(), changed, row.goal(), row.file(), row.key(), row.data());
    assertThat(check(wrong, runAll)).isNotNull();
    Row otherSide =
        new Row(row.figure(), row.value(), row.goal(), row.file(), row.key(), "unknown");
    assertThat(check(otherSide, runAll)).isNotNull();
  }

  /** The rows of the table in the section {@code ## Results}. */
  static List<Row> rows(String readme) {
    int start = readme.indexOf("\n## Results\n");
    assertThat(start).as("README.md has a ## Results section").isNotNegative();
    int end = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    List<Row> rows = new ArrayList<>();
    boolean header = false;
    for (String line : section.lines().toList()) {
      if (!line.startsWith("|")) {
        continue;
      }
      List<String> cells = cells(line);
      if (!header) {
        assertThat(cells).containsExactly("figure", "value", "goal", "results file", "data");
        header = true;
        continue;
      }
      if (cells.get(0).startsWith("---")) {
        continue;
      }
      assertThat(cells).as("cells of %s", line).hasSize(5);
      Matcher ticked = TICKED.matcher(cells.get(3));
      String file = ticked.find() ? ticked.group(1) : "";
      String key = ticked.find() ? ticked.group(1) : "";
      rows.add(new Row(cells.get(0), cells.get(1), cells.get(2), file, key, cells.get(4)));
    }
    return rows;
  }

  private static List<String> cells(String line) {
    String inner = line.strip();
    inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
    List<String> out = new ArrayList<>();
    for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
      out.add(cell.strip());
    }
    return out;
  }

  /** Null if the row is backed by its file, else what is wrong. */
  static String check(Row row, String runAll) throws IOException {
    if (!row.file().endsWith(".json") || row.key().isEmpty()) {
      return "the results-file cell must be `NAME.json` `key/path`, not '" + row.file() + "'";
    }
    Path file = ROOT.resolve("bench/results").resolve(row.file());
    if (!Files.isRegularFile(file)) {
      return "no file bench/results/" + row.file();
    }
    JsonObject json;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        JsonReader reader = Json.createReader(in)) {
      json = reader.readObject();
    }
    if (!json.containsKey("git") || !json.containsKey("command") || !json.containsKey("machine")) {
      return row.file() + " does not record its commit, command and machine: regenerate it";
    }
    String name = row.file().substring(0, row.file().length() - ".json".length());
    if (!runAll.contains("--name=" + name + " ") && !runAll.contains("--name=" + name + "\n")) {
      return "bench/run-all.sh does not regenerate " + row.file() + " (no --name=" + name + ")";
    }
    String split = json.getJsonObject("results").getString("split", null);
    String data = row.data().split("\\s+")[0].toLowerCase(Locale.ROOT);
    if (!List.of("test", "dev", "—", "-").contains(data)) {
      return "the data column must start with test, dev or —, not '" + row.data() + "'";
    }
    if (split != null && !(split.equals("development") ? "dev" : split).equals(data)) {
      return "the data column says '" + row.data() + "' but " + row.file() + " is " + split;
    }
    JsonValue value = json.getJsonObject("results");
    for (String part : row.key().split("/")) {
      if (!(value instanceof JsonObject object) || !object.containsKey(part)) {
        return row.file() + " has no " + row.key();
      }
      value = object.get(part);
    }
    if (!(value instanceof JsonNumber number)) {
      return row.file() + " " + row.key() + " is not a number: " + value;
    }
    return matches(row.value(), number.doubleValue(), row.key())
        ? null
        : "the README says '"
            + row.value()
            + "' but "
            + row.file()
            + " "
            + row.key()
            + " is "
            + number;
  }

  /** Whether {@code quoted} shows {@code actual} rounded to the digits quoted. */
  static boolean matches(String quoted, double actual, String key) {
    String cell = quoted.replace("**", "");
    Matcher m = NUMBER.matcher(cell);
    if (!m.find()) {
      return false;
    }
    double shown = Double.parseDouble(m.group().replace(",", "").replace('−', '-'));
    int digits = m.group(1) == null ? 0 : m.group(1).length();
    String unit = cell.substring(m.end()).strip();
    double scaled = actual;
    if (unit.startsWith("%") && !key.contains("percent")) {
      scaled = actual * 100;
    } else if (unit.startsWith("M")) {
      scaled = actual / 1e6;
    }
    return Math.abs(scaled - shown) <= 0.5 * Math.pow(10, -digits) + 1e-9;
  }
}

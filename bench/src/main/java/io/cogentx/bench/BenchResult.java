package io.cogentx.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects a benchmark's figures and writes them to {@code bench/results/NAME.json} with their
 * provenance (commit, command, machine, time: {@link Provenance}). NAME is the one the benchmark
 * was given with {@code --name=NAME}, else its default; the folder is {@code -Dbench.results=DIR}
 * if set. Results files are only ever written by this class, never edited by hand.
 */
final class BenchResult {

  private final String name;
  private final Map<String, Object> figures = new LinkedHashMap<>();

  BenchResult(String name) {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException(
          "a results name is letters, digits, '.', '_', '-': " + name);
    }
    this.name = name;
  }

  /** The name given with {@code --name=NAME} among {@code args}, else {@code defaultName}. */
  static String name(String[] args, String defaultName) {
    for (String arg : args) {
      if (arg.startsWith("--name=")) {
        return arg.substring("--name=".length());
      }
    }
    return defaultName;
  }

  BenchResult put(String key, Object value) {
    figures.put(key, value);
    return this;
  }

  /** Writes the JSON file and prints the one-line summary. */
  void write(String summary) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("benchmark", name);
    all.put("date", Instant.now().toString());
    all.putAll(Provenance.collect());
    all.put("results", figures);
    all.put("summary", summary);
    Path dir = Path.of(System.getProperty("bench.results", "bench/results"));
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(name + ".json"), toJson(all) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println(name + ": " + summary);
  }

  /** {@code value} as pretty-printed JSON; NaN and infinities become {@code null}. */
  static String toJson(Object value) {
    StringWriter out = new StringWriter();
    try (JsonWriter writer =
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
      writer.write(json(value));
    }
    return out.toString().strip();
  }

  private static JsonValue json(Object value) {
    if (value instanceof Map<?, ?> map) {
      JsonObjectBuilder object = Json.createObjectBuilder();
      map.forEach((k, v) -> object.add(String.valueOf(k), json(v)));
      return object.build();
    }
    if (value instanceof Collection<?> list) {
      JsonArrayBuilder array = Json.createArrayBuilder();
      list.forEach(item -> array.add(json(item)));
      return array.build();
    }
    if (value instanceof double[] numbers) {
      return json(Arrays.stream(numbers).boxed().toList());
    }
    if (value == null
        || value instanceof Double d && (d.isNaN() || d.isInfinite())
        || value instanceof Float f && (f.isNaN() || f.isInfinite())) {
      return JsonValue.NULL;
    }
    if (value instanceof Boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return Json.createValue(((Number) value).longValue());
    }
    if (value instanceof Number n) {
      return Json.createValue(n.doubleValue());
    }
    return Json.createValue(String.valueOf(value));
  }
}

package io.cogentx.bench;

import java.io.IOException;
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
      Files.writeString(dir.resolve(name + ".json"), toJson(all, "") + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println(name + ": " + summary);
  }

  static String toJson(Object value, String indent) {
    String inner = indent + "  ";
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        return "{}";
      }
      StringBuilder sb = new StringBuilder("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        sb.append(inner).append(string(String.valueOf(e.getKey()))).append(": ");
        sb.append(toJson(e.getValue(), inner));
        sb.append(++i < map.size() ? ",\n" : "\n");
      }
      return sb.append(indent).append('}').toString();
    }
    if (value instanceof Collection<?> list) {
      if (list.isEmpty()) {
        return "[]";
      }
      StringBuilder sb = new StringBuilder("[\n");
      int i = 0;
      for (Object item : list) {
        sb.append(inner).append(toJson(item, inner));
        sb.append(++i < list.size() ? ",\n" : "\n");
      }
      return sb.append(indent).append(']').toString();
    }
    if (value instanceof double[] numbers) {
      return toJson(Arrays.stream(numbers).boxed().toList(), indent);
    }
    if (value instanceof Double d && (d.isNaN() || d.isInfinite())
        || value instanceof Float f && (f.isNaN() || f.isInfinite())
        || value == null) {
      return "null";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return string(String.valueOf(value));
  }

  private static String string(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}

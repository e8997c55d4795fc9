package io.cogentx.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects a benchmark's figures and writes them to bench/results/NAME.json with the machine
 * described.
 */
final class BenchResult {

  private final String name;
  private final Map<String, Object> figures = new LinkedHashMap<>();

  BenchResult(String name) {
    this.name = name;
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
    all.put(
        "machine",
        Map.of(
            "cores",
            Runtime.getRuntime().availableProcessors(),
            "max_heap_mb",
            Runtime.getRuntime().maxMemory() >> 20,
            "java",
            System.getProperty("java.version"),
            "os",
            System.getProperty("os.name") + " " + System.getProperty("os.arch")));
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

  private static String toJson(Object value, String indent) {
    if (value instanceof Map<?, ?> map) {
      StringBuilder sb = new StringBuilder("{\n");
      String inner = indent + "  ";
      int i = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        sb.append(inner).append('"').append(e.getKey()).append("\": ");
        sb.append(toJson(e.getValue(), inner));
        sb.append(++i < map.size() ? ",\n" : "\n");
      }
      return sb.append(indent).append('}').toString();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return '"' + String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}

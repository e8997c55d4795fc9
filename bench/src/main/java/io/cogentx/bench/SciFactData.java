package io.cogentx.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The SciFact corpus: 5,183 abstracts, each a title and a list of sentences. */
final class SciFactData {

  static final String CORPUS = "qa/scifact/corpus.jsonl";
  static final String QUERIES = "qa/scifact/queries.jsonl";

  /** An abstract. */
  record Abstract(String title, List<String> sentences) {

    String text() {
      return String.join(" ", sentences);
    }
  }

  private SciFactData() {}

  static List<Abstract> read(Path dataDir) throws IOException {
    List<Abstract> out = new ArrayList<>();
    for (JsonObject doc : jsonLines(dataDir.resolve(CORPUS))) {
      List<String> sentences =
          doc.getJsonArray("abstract").getValuesAs(JsonString.class).stream()
              .map(s -> s.getString().strip())
              .filter(s -> !s.isEmpty())
              .toList();
      out.add(new Abstract(doc.getString("title", "").strip(), sentences));
    }
    return out;
  }

  /** The distinct abstract sentences of at least five words, in file order (44,595). */
  static List<String> sentences(List<Abstract> abstracts) {
    Set<String> out = new LinkedHashSet<>();
    for (Abstract a : abstracts) {
      for (String s : a.sentences()) {
        if (s.split("\\s+").length >= 5) {
          out.add(s);
        }
      }
    }
    return List.copyOf(out);
  }

  /** The 1,109 claims of queries.jsonl, in file order. */
  static List<String> claims(Path dataDir) throws IOException {
    return jsonLines(dataDir.resolve(QUERIES)).stream()
        .map(q -> q.getString("text").strip())
        .distinct()
        .toList();
  }

  private static List<JsonObject> jsonLines(Path file) throws IOException {
    List<JsonObject> out = new ArrayList<>();
    try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (!line.isBlank()) {
          try (JsonReader json = Json.createReader(new StringReader(line))) {
            out.add(json.readObject());
          }
        }
      }
    }
    return out;
  }
}

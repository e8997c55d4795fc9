package io.cogentx.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * SciFact in BEIR form: 5,183 abstracts ({@code corpus.jsonl}, indexed as title, a space and the
 * abstract's sentences joined by spaces), the claims ({@code queries.jsonl}) and the relevance
 * judgements of one split: {@code qrels/train.tsv} (809 claims, the development data settings are
 * chosen on) or {@code qrels/test.tsv} (300 claims, reported once).
 *
 * @param qrels query id to (document id to grade), in file order
 */
record SciFactSet(
    List<EvalDocument> corpus,
    Map<String, String> queries,
    Map<String, Map<String, Integer>> qrels) {

  /** The judgements of a split: {@code train.tsv} for development, {@code test.tsv} for test. */
  static String qrelsFile(String split) {
    return switch (split) {
      case EvalOptions.DEVELOPMENT -> "qrels/train.tsv";
      case EvalOptions.TEST -> "qrels/test.tsv";
      default -> throw new IllegalArgumentException("no SciFact split " + split);
    };
  }

  static boolean present(Path dir, String split) {
    return Files.isRegularFile(dir.resolve("corpus.jsonl"))
        && Files.isRegularFile(dir.resolve("queries.jsonl"))
        && Files.isRegularFile(dir.resolve(qrelsFile(split)));
  }

  static SciFactSet read(Path dir, String split) throws IOException {
    List<EvalDocument> corpus = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("corpus.jsonl"))) {
      if (line.isBlank()) {
        continue;
      }
      JsonObject doc = parse(line);
      String title = doc.getString("title", "");
      String abstractText =
          doc.getJsonArray("abstract").getValuesAs(JsonString.class).stream()
              .map(JsonString::getString)
              .collect(Collectors.joining(" "));
      corpus.add(
          new EvalDocument(
              doc.get("doc_id").toString(), title, (title + " " + abstractText).strip()));
    }
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
    List<String> rows = Files.readAllLines(dir.resolve(qrelsFile(split)));
    for (String row : rows.subList(1, rows.size())) {
      String[] cols = row.split("\t");
      if (cols.length == 3) {
        qrels
            .computeIfAbsent(cols[0], q -> new HashMap<>())
            .put(cols[1], Integer.parseInt(cols[2].strip()));
      }
    }
    Map<String, String> queries = new HashMap<>();
    for (String line : Files.readAllLines(dir.resolve("queries.jsonl"))) {
      if (!line.isBlank()) {
        JsonObject query = parse(line);
        if (qrels.containsKey(query.getString("_id"))) {
          queries.put(query.getString("_id"), query.getString("text"));
        }
      }
    }
    if (!queries.keySet().containsAll(qrels.keySet())) {
      throw new IOException("queries.jsonl lacks some of the judged " + split + " queries");
    }
    return new SciFactSet(corpus, queries, qrels);
  }

  private static JsonObject parse(String line) {
    try (JsonReader reader = Json.createReader(new StringReader(line))) {
      return reader.readObject();
    }
  }
}

package io.cogentx.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One side of the fixed split of the SQuAD dev articles ({@code bench/splits/squad-articles.json}):
 * the v1.1 articles of that side and the SQuAD 2.0 part-a articles of that side, by name
 * ("Super_Bowl_50"). Parameters are chosen on {@code development}; {@code test} is evaluated once.
 */
record ArticleSplit(String side, List<String> articles, List<String> partA) {

  static final String DEVELOPMENT = "development";
  static final String TEST = "test";

  /** The split file of this repository. */
  static Path file() {
    return BenchArgs.benchTarget().resolveSibling("splits").resolve("squad-articles.json");
  }

  /** The {@code side} ({@value #DEVELOPMENT} or {@value #TEST}) of the split in {@code file}. */
  static ArticleSplit read(Path file, String side) throws IOException {
    String s = side.toLowerCase(Locale.ROOT);
    if (!s.equals(DEVELOPMENT) && !s.equals(TEST)) {
      throw new IllegalArgumentException("split must be development or test: " + side);
    }
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        JsonReader json = Json.createReader(in)) {
      JsonObject root = json.readObject();
      return new ArticleSplit(s, names(root, s), names(root.getJsonObject("squad2_part_a"), s));
    }
  }

  private static List<String> names(JsonObject object, String side) {
    return object.getJsonArray(side).getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  /** The articles of {@code squad} on this side, in the order of the split file. */
  List<SquadQa.Article> of(SquadQa squad, List<String> names) {
    List<SquadQa.Article> out =
        names.stream()
            .flatMap(n -> squad.articles().stream().filter(a -> a.name().equals(n)))
            .toList();
    if (out.size() != names.size()) {
      throw new IllegalStateException(
          "the data lacks articles of the "
              + side
              + " split: "
              + names.size()
              + " named, "
              + out.size()
              + " found");
    }
    return out;
  }
}

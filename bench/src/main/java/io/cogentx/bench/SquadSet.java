package io.cogentx.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * SQuAD v1.1: every paragraph is a document (id {@code article/paragraph}, title the article's
 * title), every question has its paragraph as the one gold document. {@link #read(Path, Set)} keeps
 * only some articles, e.g. one side of the fixed split in {@code bench/splits/squad-articles.json}
 * ({@link #splitArticles}).
 */
record SquadSet(List<EvalDocument> paragraphs, List<SquadSet.Question> questions) {

  /** A question and the id of the paragraph it was written from. */
  record Question(String text, String paragraphId) {}

  /** The split file: which SQuAD dev articles are development and which test. */
  static Path splitFile() {
    return BenchArgs.benchTarget().resolveSibling("splits").resolve("squad-articles.json");
  }

  /**
   * The article names ("Super_Bowl_50") on side {@code split} ({@code development} or {@code test})
   * of the split file.
   */
  static Set<String> splitArticles(Path file, String split) throws IOException {
    try (Reader in = Files.newBufferedReader(file);
        JsonReader reader = Json.createReader(in)) {
      JsonArray names = reader.readObject().getJsonArray(split);
      if (names == null) {
        throw new IOException(file + " has no side named " + split);
      }
      Set<String> out = new LinkedHashSet<>();
      names.getValuesAs(JsonString.class).forEach(n -> out.add(n.getString()));
      return Set.copyOf(out);
    }
  }

  /** Every article. */
  static SquadSet read(Path json) throws IOException {
    return read(json, null);
  }

  /**
   * The articles named in {@code articles} (as the file spells them, e.g. "Super_Bowl_50"), or all
   * if null. Document ids keep the article's position in the file, so they do not depend on the
   * selection.
   */
  static SquadSet read(Path json, Set<String> articles) throws IOException {
    JsonObject root;
    try (Reader in = Files.newBufferedReader(json);
        JsonReader reader = Json.createReader(in)) {
      root = reader.readObject();
    }
    List<EvalDocument> paragraphs = new ArrayList<>();
    List<Question> questions = new ArrayList<>();
    List<JsonObject> data = root.getJsonArray("data").getValuesAs(JsonObject.class);
    Set<String> found = new LinkedHashSet<>();
    for (int a = 0; a < data.size(); a++) {
      String name = data.get(a).getString("title");
      if (articles != null && !articles.contains(name)) {
        continue;
      }
      found.add(name);
      String title = name.replace('_', ' ');
      List<JsonObject> paras = data.get(a).getJsonArray("paragraphs").getValuesAs(JsonObject.class);
      for (int p = 0; p < paras.size(); p++) {
        String id = a + "/" + p;
        paragraphs.add(new EvalDocument(id, title, paras.get(p).getString("context")));
        for (JsonObject qa : paras.get(p).getJsonArray("qas").getValuesAs(JsonObject.class)) {
          questions.add(new Question(qa.getString("question").strip(), id));
        }
      }
    }
    if (articles != null && !found.containsAll(articles)) {
      Set<String> missing = new LinkedHashSet<>(articles);
      missing.removeAll(found);
      throw new IOException(json + " lacks the articles " + missing);
    }
    return new SquadSet(List.copyOf(paragraphs), List.copyOf(questions));
  }

  /** {@code count} questions drawn with a seeded shuffle, or all of them in file order. */
  List<Question> sample(int count, long seed) {
    if (count >= questions.size()) {
      return questions;
    }
    List<Question> shuffled = new ArrayList<>(questions);
    Collections.shuffle(shuffled, new Random(seed));
    return List.copyOf(shuffled.subList(0, count));
  }
}

package io.cogentx.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * SQuAD v1.1: every paragraph is a document (id {@code article/paragraph}, title the article's
 * title), every question has its paragraph as the one gold document.
 */
record SquadSet(List<EvalDocument> paragraphs, List<SquadSet.Question> questions) {

  /** A question and the id of the paragraph it was written from. */
  record Question(String text, String paragraphId) {}

  static SquadSet read(Path json) throws IOException {
    JsonObject root;
    try (Reader in = Files.newBufferedReader(json);
        JsonReader reader = Json.createReader(in)) {
      root = reader.readObject();
    }
    List<EvalDocument> paragraphs = new ArrayList<>();
    List<Question> questions = new ArrayList<>();
    List<JsonObject> articles = root.getJsonArray("data").getValuesAs(JsonObject.class);
    for (int a = 0; a < articles.size(); a++) {
      String title = articles.get(a).getString("title").replace('_', ' ');
      List<JsonObject> paras =
          articles.get(a).getJsonArray("paragraphs").getValuesAs(JsonObject.class);
      for (int p = 0; p < paras.size(); p++) {
        String id = a + "/" + p;
        paragraphs.add(new EvalDocument(id, title, paras.get(p).getString("context")));
        for (JsonObject qa : paras.get(p).getJsonArray("qas").getValuesAs(JsonObject.class)) {
          questions.add(new Question(qa.getString("question").strip(), id));
        }
      }
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

package io.cogentx.bench;

import jakarta.json.Json;
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
import java.util.regex.Pattern;

/**
 * SQuAD (v1.1 or 2.0) with its gold answers, by article: what the answer benchmark needs to ingest
 * some articles, ask questions about them and about the others, and check the answers.
 */
record SquadQa(List<SquadQa.Article> articles) {

  /**
   * A question, the paragraph it was written from ({@code article/paragraph}) and its answers; in
   * SQuAD 2.0 {@code impossible} when its paragraph does not answer it, with the tempting wrong
   * spans in {@code plausible}.
   */
  record Qa(
      String question,
      String paragraphId,
      List<String> answers,
      boolean impossible,
      List<String> plausible) {}

  /**
   * An article: {@code name} as the data set spells it ("Super_Bowl_50"), {@code title} readable.
   */
  record Article(
      int index, String name, String title, List<EvalDocument> paragraphs, List<Qa> questions) {}

  static SquadQa read(Path file) throws IOException {
    List<Article> articles = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        JsonReader json = Json.createReader(in)) {
      List<JsonObject> data = json.readObject().getJsonArray("data").getValuesAs(JsonObject.class);
      for (int a = 0; a < data.size(); a++) {
        String name = data.get(a).getString("title");
        String title = name.replace('_', ' ');
        List<EvalDocument> paragraphs = new ArrayList<>();
        List<Qa> questions = new ArrayList<>();
        List<JsonObject> paras =
            data.get(a).getJsonArray("paragraphs").getValuesAs(JsonObject.class);
        for (int p = 0; p < paras.size(); p++) {
          String id = a + "/" + p;
          paragraphs.add(new EvalDocument(id, title, paras.get(p).getString("context")));
          for (JsonObject qa : paras.get(p).getJsonArray("qas").getValuesAs(JsonObject.class)) {
            List<String> answers = new ArrayList<>();
            for (JsonValue ans : qa.getJsonArray("answers")) {
              answers.add(ans.asJsonObject().getString("text"));
            }
            List<String> plausible = new ArrayList<>();
            if (qa.containsKey("plausible_answers")) {
              for (JsonValue ans : qa.getJsonArray("plausible_answers")) {
                plausible.add(ans.asJsonObject().getString("text"));
              }
            }
            questions.add(
                new Qa(
                    qa.getString("question").strip(),
                    id,
                    List.copyOf(answers),
                    qa.getBoolean("is_impossible", false),
                    List.copyOf(plausible)));
          }
        }
        articles.add(new Article(a, name, title, List.copyOf(paragraphs), List.copyOf(questions)));
      }
    }
    return new SquadQa(List.copyOf(articles));
  }

  private static final Pattern ARTICLES = Pattern.compile("\\b(a|an|the)\\b");
  private static final Pattern PUNCTUATION =
      Pattern.compile("[\\p{Punct}\\u2018\\u2019\\u201c\\u201d\\u2013\\u2014]");

  /**
   * SQuAD's official normalisation: lower case, punctuation removed, articles removed, white space
   * collapsed.
   */
  static String normalize(String s) {
    String out = s.toLowerCase(Locale.ROOT);
    out = PUNCTUATION.matcher(out).replaceAll("");
    out = ARTICLES.matcher(out).replaceAll(" ");
    return out.replaceAll("\\s+", " ").strip();
  }

  /** Whether the normalised answer contains any normalised gold answer (as whole words). */
  static boolean containsGold(String answer, List<String> gold) {
    String a = " " + normalize(answer) + " ";
    for (String g : gold) {
      String n = normalize(g);
      if (!n.isEmpty() && a.contains(" " + n + " ")) {
        return true;
      }
    }
    return false;
  }
}

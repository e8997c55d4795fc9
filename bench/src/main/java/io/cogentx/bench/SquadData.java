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
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The SQuAD v1.1 dev set: 48 articles, 2,067 paragraphs, 10,570 questions.
 *
 * @param articles the articles in file order
 */
record SquadData(List<Article> articles) {

  /** Where SQuAD lies inside the data directory. */
  static final String FILE = "qa/squad-dev-v1.1.json";

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z0-9\"])");

  /** An article's title, paragraphs and the questions asked about them. */
  record Article(String title, List<String> paragraphs, List<String> questions) {}

  static SquadData read(Path dataDir) throws IOException {
    List<Article> articles = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(dataDir.resolve(FILE), StandardCharsets.UTF_8);
        JsonReader json = Json.createReader(in)) {
      for (JsonValue a : json.readObject().getJsonArray("data")) {
        JsonObject article = a.asJsonObject();
        List<String> paragraphs = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        for (JsonValue p : article.getJsonArray("paragraphs")) {
          JsonObject paragraph = p.asJsonObject();
          paragraphs.add(paragraph.getString("context"));
          for (JsonValue q : paragraph.getJsonArray("qas")) {
            questions.add(q.asJsonObject().getString("question").strip());
          }
        }
        articles.add(
            new Article(article.getString("title").replace('_', ' '), paragraphs, questions));
      }
    }
    return new SquadData(List.copyOf(articles));
  }

  /** Every paragraph with its article's title, in file order. */
  List<Titled> paragraphs() {
    List<Titled> out = new ArrayList<>();
    for (Article a : articles) {
      a.paragraphs().forEach(p -> out.add(new Titled(a.title(), p)));
    }
    return out;
  }

  /** {@code count} distinct questions drawn at random (seeded) from the whole set. */
  List<String> questions(int count, long seed) {
    List<String> all =
        new ArrayList<>(
            new LinkedHashSet<>(articles.stream().flatMap(a -> a.questions().stream()).toList()));
    Collections.shuffle(all, new Random(seed));
    return List.copyOf(all.subList(0, Math.min(count, all.size())));
  }

  /**
   * The first {@code count} distinct sentences of at least five words, cut from the paragraphs in
   * file order (SQuAD has 10,248).
   */
  List<String> sentences(int count) {
    Set<String> sentences = new LinkedHashSet<>();
    for (Titled paragraph : paragraphs()) {
      for (String s : SENTENCE_END.split(paragraph.text())) {
        String sentence = s.strip();
        if (sentence.split("\\s+").length >= 5 && sentences.size() < count) {
          sentences.add(sentence);
        }
      }
    }
    return List.copyOf(sentences);
  }

  /** A text with a title. */
  record Titled(String title, String text) {}
}

package io.cogentx.retrieval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads paragraph texts ("context" fields) from the SQuAD v1.1 dev set in the shared data folder,
 * without a JSON library: contexts are plain JSON strings.
 */
final class SquadContexts {

  private static final String KEY = "\"context\": \"";

  private SquadContexts() {}

  /**
   * The data set, from {@code -Dcogentx.squad}, {@code ../shared/...} or {@code /work/shared/...}.
   */
  static Optional<Path> locate() {
    String configured = System.getProperty("cogentx.squad");
    return Stream.of(
            configured == null ? null : Path.of(configured),
            Path.of("../shared/data/qa/squad-dev-v1.1.json"),
            Path.of("/work/shared/data/qa/squad-dev-v1.1.json"))
        .filter(p -> p != null && Files.isRegularFile(p))
        .findFirst();
  }

  static List<String> first(Path file, int count) throws IOException {
    String json = Files.readString(file, StandardCharsets.UTF_8);
    List<String> contexts = new ArrayList<>();
    int at = json.indexOf(KEY);
    while (at >= 0 && contexts.size() < count) {
      StringBuilder text = new StringBuilder();
      int i = at + KEY.length();
      for (char c = json.charAt(i); c != '"'; c = json.charAt(++i)) {
        if (c == '\\') {
          char e = json.charAt(++i);
          switch (e) {
            case 'n' -> text.append('\n');
            case 't' -> text.append('\t');
            case 'r' -> text.append('\r');
            case 'b' -> text.append('\b');
            case 'f' -> text.append('\f');
            case 'u' -> {
              text.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
              i += 4;
            }
            default -> text.append(e);
          }
        } else {
          text.append(c);
        }
      }
      contexts.add(text.toString());
      at = json.indexOf(KEY, i);
    }
    return contexts;
  }
}

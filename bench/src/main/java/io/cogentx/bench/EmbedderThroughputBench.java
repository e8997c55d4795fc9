package io.cogentx.bench;

import io.cogentx.spi.Embedder;
import io.cogentx.spi.EmbedderProvider;
import io.cogentx.spi.PluginContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Embedding throughput of all-MiniLM-L6-v2 in fp32 and int8 on 1,000 SQuAD sentences, through the
 * plugin SPI exactly as the server uses it. Run with {@code bench/run.sh EmbedderThroughputBench
 * [squad-dev-v1.1.json] [--grid] [--sentences=N]}; the file defaults to {@code
 * ../shared/data/qa/squad-dev-v1.1.json} (from the repository root) or {@code $SQUAD_JSON}. With
 * {@code --grid} it also tries other batch sizes and worker counts ({@code EMBEDDING_BATCH_SIZE},
 * {@code EMBEDDING_WORKERS}). Each figure is one call embedding all sentences, after a warm-up.
 */
public final class EmbedderThroughputBench {

  private static final String FP32 = "all-MiniLM-L6-v2";
  private static final String INT8 = "all-MiniLM-L6-v2-int8";
  private static final int[] GRID_BATCHES = {1, 4, 8, 16, 32};
  private static final int[] GRID_WORKERS = {1, 2};

  private EmbedderThroughputBench() {}

  public static void main(String[] args) throws Exception {
    Path squad = null;
    boolean grid = false;
    int count = 1000;
    for (String arg : args) {
      if (arg.equals("--grid")) {
        grid = true;
      } else if (arg.startsWith("--sentences=")) {
        count = Integer.parseInt(arg.substring("--sentences=".length()));
      } else {
        squad = Path.of(arg);
      }
    }
    if (squad == null) {
      String env = System.getenv("SQUAD_JSON");
      squad = Path.of(env != null ? env : "../shared/data/qa/squad-dev-v1.1.json");
    }
    if (!Files.isRegularFile(squad)) {
      System.out.println(
          "EmbedderThroughputBench SKIPPED: SQuAD file not found at "
              + squad.toAbsolutePath()
              + " (pass its path as the first argument or set SQUAD_JSON)");
      return;
    }
    Map<String, EmbedderProvider> providers = new HashMap<>();
    ServiceLoader.load(EmbedderProvider.class).forEach(p -> providers.put(p.name(), p));
    if (!providers.containsKey(FP32) || !providers.containsKey(INT8)) {
      System.out.println(
          "EmbedderThroughputBench SKIPPED: the embedding-minilm plugin is not on the class path"
              + " (found providers: "
              + providers.keySet()
              + ")");
      return;
    }

    List<String> sentences = Squad.sentences(squad, count);
    double words = sentences.stream().mapToInt(s -> s.split("\\s+").length).average().orElse(0);
    System.out.printf("%d SQuAD sentences, %.1f words on average%n", sentences.size(), words);

    BenchResult result =
        new BenchResult("embedder-throughput")
            .put("sentences", sentences.size())
            .put("mean_words_per_sentence", Math.round(words * 10) / 10.0);
    double fp32 = measure(providers.get(FP32), Map.of(), sentences);
    double int8 = measure(providers.get(INT8), Map.of(), sentences);
    result.put("fp32_defaults_sentences_per_s", round(fp32));
    result.put("int8_defaults_sentences_per_s", round(int8));
    if (grid) {
      for (String model : List.of(FP32, INT8)) {
        for (int workers : GRID_WORKERS) {
          for (int batch : GRID_BATCHES) {
            Map<String, String> config =
                Map.of(
                    "EMBEDDING_BATCH_SIZE", Integer.toString(batch),
                    "EMBEDDING_WORKERS", Integer.toString(workers));
            double rate = measure(providers.get(model), config, sentences);
            result.put(model + "_batch" + batch + "_workers" + workers, round(rate));
          }
        }
      }
    }
    result.write(
        String.format(
            "fp32 %.1f sentences/s, int8 %.1f sentences/s (default settings, %d sentences of"
                + " %.1f words)",
            fp32, int8, sentences.size(), words));
  }

  private static double measure(
      EmbedderProvider provider, Map<String, String> config, List<String> sentences)
      throws Exception {
    try (Embedder embedder = provider.create(PluginContext.of(config))) {
      embedder.embed(sentences.subList(0, Math.min(64, sentences.size())));
      long start = System.nanoTime();
      embedder.embed(sentences);
      double rate = sentences.size() / ((System.nanoTime() - start) / 1e9);
      System.out.printf("%-22s %-50s %7.1f sentences/s%n", provider.name(), config, rate);
      return rate;
    }
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  /** Sentences cut from the contexts of a SQuAD v1.1 file, without a JSON library. */
  static final class Squad {

    private static final Pattern CONTEXT =
        Pattern.compile("\"context\"\\s*:\\s*\"((?:[^\"\\\\]++|\\\\.)*+)\"");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z0-9\"])");
    private static final int MIN_WORDS = 5;

    private Squad() {}

    /** The first {@code count} distinct sentences of at least five words, in file order. */
    static List<String> sentences(Path squadJson, int count) throws IOException {
      String json = Files.readString(squadJson);
      Set<String> sentences = new LinkedHashSet<>();
      Matcher m = CONTEXT.matcher(json);
      while (m.find() && sentences.size() < count) {
        for (String sentence : SENTENCE_END.split(unescape(m.group(1)))) {
          String s = sentence.strip();
          if (s.split("\\s+").length >= MIN_WORDS && sentences.size() < count) {
            sentences.add(s);
          }
        }
      }
      return new ArrayList<>(sentences);
    }

    private static String unescape(String s) {
      StringBuilder out = new StringBuilder(s.length());
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = s.charAt(++i);
        switch (e) {
          case 'n', 'r', 't' -> out.append(' ');
          case 'u' -> {
            out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
            i += 4;
          }
          default -> out.append(e);
        }
      }
      return out.toString();
    }
  }
}

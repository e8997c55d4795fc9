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
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Embedding throughput of all-MiniLM-L6-v2 in fp32 and int8 (or the models named by {@code
 * --models}) on 1,000 SQuAD sentences, through the plugin SPI exactly as the server uses it. Run
 * with {@code bench/run.sh EmbedderThroughputBench [squad-dev-v1.1.json] [--grid] [--sentences=N]
 * [--models=all-MiniLM-L6-v2,bge-small-en-v1.5] [--name=embedder-throughput]}; the file defaults to
 * {@code $SQUAD_JSON}, else {@code ../shared/data/qa/squad-dev-v1.1.json} (from the repository
 * root). With {@code --grid} it also tries other batch sizes and worker counts ({@code
 * EMBEDDING_BATCH_SIZE}, {@code EMBEDDING_WORKERS}). Each figure is one call embedding all
 * sentences, after a warm-up; the models take turns.
 */
public final class EmbedderThroughputBench {

  private static final String FP32 = "all-MiniLM-L6-v2";
  private static final String INT8 = "all-MiniLM-L6-v2-int8";
  private static final int[] GRID_BATCHES = {1, 4, 8, 16, 32};
  private static final int[] GRID_WORKERS = {1, 2};

  /** Sentences also embedded one at a time, to compare with their vectors from a batch. */
  private static final int ALONE = 200;

  private EmbedderThroughputBench() {}

  public static void main(String[] args) throws Exception {
    BenchArgs a = BenchArgs.parse(args);
    boolean grid = a.flag("grid");
    int count = a.intOption("sentences", 1000);
    String given = a.positional(0, System.getenv("SQUAD_JSON"));
    Path squad = given != null ? Path.of(given) : BenchArgs.dataDir(null).resolve(SquadData.FILE);
    if (!Files.isRegularFile(squad)) {
      System.out.println(
          "EmbedderThroughputBench SKIPPED: SQuAD file not found at "
              + squad.toAbsolutePath()
              + " (pass its path as the first argument or set SQUAD_JSON)");
      return;
    }
    List<String> models = List.of(a.option("models", FP32 + "," + INT8).split(","));
    Map<String, EmbedderProvider> providers = new HashMap<>();
    ServiceLoader.load(EmbedderProvider.class).forEach(p -> providers.put(p.name(), p));
    if (!providers.keySet().containsAll(models)) {
      System.out.println(
          "EmbedderThroughputBench SKIPPED: the embedding-onnx plugin is not on the class path"
              + " (found providers: "
              + providers.keySet()
              + ")");
      return;
    }

    List<String> sentences = Squad.sentences(squad, count);
    double words = sentences.stream().mapToInt(s -> s.split("\\s+").length).average().orElse(0);
    System.out.printf("%d SQuAD sentences, %.1f words on average%n", sentences.size(), words);

    BenchResult result =
        new BenchResult(a.option("name", "embedder-throughput"))
            .put("sentences", sentences.size())
            .put("mean_words_per_sentence", Math.round(words * 10) / 10.0);
    List<String> summary = new ArrayList<>();
    int alone = Math.min(ALONE, sentences.size());
    result.put(
        "batch_vs_alone",
        "cosine between a sentence's vector embedded in one call with all the others (padded into"
            + " batches) and embedded alone, over the first "
            + alone
            + " sentences");
    for (String model : models) {
      double rate = measure(providers.get(model), Map.of(), sentences);
      double[] cosines = batchVersusAlone(providers.get(model), sentences, alone);
      result.put(label(model) + "_defaults_sentences_per_s", round(rate));
      result.put(label(model) + "_batch_vs_alone_cosine_min", Stats.round(Stats.min(cosines), 4));
      result.put(label(model) + "_batch_vs_alone_cosine_mean", Stats.round(Stats.mean(cosines), 4));
      summary.add(
          String.format(
              Locale.ROOT,
              "%s %.1f sentences/s (batch vs alone cosine min %.4f)",
              label(model),
              rate,
              Stats.min(cosines)));
    }
    if (grid) {
      for (String model : models) {
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
            Locale.ROOT,
            "%s (default settings, %d sentences of %.1f words)",
            String.join(", ", summary),
            sentences.size(),
            words));
  }

  /** {@code fp32} and {@code int8} for the two MiniLM builds (the names the file always had). */
  private static String label(String model) {
    return switch (model) {
      case FP32 -> "fp32";
      case INT8 -> "int8";
      default -> model;
    };
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

  /**
   * Cosine of each of the first {@code count} sentences' vectors: in one call with all vs alone.
   */
  private static double[] batchVersusAlone(
      EmbedderProvider provider, List<String> sentences, int count) throws Exception {
    try (Embedder embedder = provider.create(PluginContext.of(Map.of()))) {
      float[][] together = embedder.embed(sentences);
      double[] cosines = new double[count];
      for (int i = 0; i < count; i++) {
        float[] alone = embedder.embed(sentences.get(i));
        double dot = 0;
        for (int d = 0; d < alone.length; d++) {
          dot += (double) alone[d] * together[i][d];
        }
        cosines[i] = dot; // both are L2-normalised
      }
      return cosines;
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

package io.cogentx.bench;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses the hybrid fusion the server ships from the two development sweeps, by the rule fixed in
 * docs/benchmarks.md before they were run: of the settings both sweeps evaluated, the one with the
 * highest mean of SciFact-train nDCG@10 and SQuAD-development recall@1 for the shipped model; a tie
 * keeps the current default. Reads {@code scifact-dev-sweep.json} and {@code squad-dev-sweep.json}
 * (as written by {@code SciFactBench --sweep} and {@code SquadBench --sweep}) and writes {@code
 * fusion-choice.json} with the ten best settings.
 *
 * <p>Run with {@code bench/run.sh FusionChoice [--scifact=FILE] [--squad=FILE]
 * [--model=all-MiniLM-L6-v2] [--name=fusion-choice]}.
 */
public final class FusionChoice {

  private static final int SHOWN = 10;

  private FusionChoice() {}

  /** A setting's development scores. */
  record Scored(String label, double scifact, double squad) {

    double mean() {
      return (scifact + squad) / 2;
    }
  }

  public static void main(String[] args) throws Exception {
    BenchArgs a = BenchArgs.parse(args);
    Path results = Path.of(System.getProperty("bench.results", "bench/results"));
    Path scifactFile = Path.of(a.option("scifact", results.resolve("scifact-dev-sweep.json") + ""));
    Path squadFile = Path.of(a.option("squad", results.resolve("squad-dev-sweep.json") + ""));
    String model = a.option("model", Plugins.FP32);
    for (Path f : List.of(scifactFile, squadFile)) {
      if (!Files.isRegularFile(f)) {
        BenchArgs.skipped("FusionChoice", f + " not found: run the development sweeps first");
        return;
      }
    }
    JsonObject scifact = read(scifactFile);
    JsonObject squad = read(squadFile);
    requireDevelopment(scifact, scifactFile);
    requireDevelopment(squad, squadFile);
    Map<String, Double> scifactScores = sweep(scifact, model, "ndcg@10");
    Map<String, Double> squadScores = sweep(squad, model, "recall@1");
    String current = FusionSettings.shipping().label();
    List<Scored> scored = choose(scifactScores, squadScores, current);
    Scored best = scored.get(0);
    Scored shipping =
        scored.stream().filter(s -> s.label().equals(current)).findFirst().orElseThrow();

    BenchResult result = new BenchResult(BenchResult.name(args, "fusion-choice"));
    result
        .put("split", EvalOptions.DEVELOPMENT)
        .put("model", model)
        .put(
            "rule",
            "highest mean of SciFact-train nDCG@10 and SQuAD-development recall@1 over the settings"
                + " both sweeps evaluated; a tie keeps the current default")
        .put("scifact_sweep", scifactFile.getFileName().toString())
        .put("squad_sweep", squadFile.getFileName().toString())
        .put("settings_compared", scored.size())
        .put("chosen", best.label())
        .put("chosen_scores", json(best))
        .put("current_default", current)
        .put("current_default_scores", json(shipping))
        .put("chosen_is_current_default", best.label().equals(current));
    Map<String, Object> top = new LinkedHashMap<>();
    for (Scored s : scored.subList(0, Math.min(SHOWN, scored.size()))) {
      top.put(s.label(), json(s));
    }
    result.put("best_settings", top);
    result.write(
        String.format(
            Locale.ROOT,
            "chosen %s: SciFact-train nDCG@10 %.4f, SQuAD-dev recall@1 %.4f (mean %.4f); current"
                + " default %s: %.4f, %.4f (mean %.4f)",
            best.label(),
            best.scifact(),
            best.squad(),
            best.mean(),
            current,
            shipping.scifact(),
            shipping.squad(),
            shipping.mean()));
  }

  /**
   * The settings scored in both sweeps, best first by the mean; on equal means {@code current}
   * first, then by label.
   */
  static List<Scored> choose(
      Map<String, Double> scifact, Map<String, Double> squad, String current) {
    List<Scored> out = new ArrayList<>();
    for (Map.Entry<String, Double> e : scifact.entrySet()) {
      Double other = squad.get(e.getKey());
      if (other != null) {
        out.add(new Scored(e.getKey(), e.getValue(), other));
      }
    }
    if (out.stream().noneMatch(s -> s.label().equals(current))) {
      throw new IllegalStateException("the sweeps did not evaluate the current default " + current);
    }
    out.sort(
        Comparator.comparingDouble(Scored::mean)
            .reversed()
            .thenComparing(s -> !s.label().equals(current))
            .thenComparing(Scored::label));
    return out;
  }

  private static Map<String, Object> json(Scored s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("scifact_train_ndcg@10", s.scifact());
    out.put("squad_dev_recall@1", s.squad());
    out.put("mean", Stats.round(s.mean(), 5));
    return out;
  }

  private static void requireDevelopment(JsonObject file, Path path) {
    String split = file.getJsonObject("results").getString("split", "");
    if (!split.equals(EvalOptions.DEVELOPMENT)) {
      throw new IllegalArgumentException(
          path
              + " is not a development sweep (split: '"
              + split
              + "'): choices use development"
              + " data only");
    }
  }

  /** Label to score of {@code metric} in the sweep of {@code model}. */
  private static Map<String, Double> sweep(JsonObject file, String model, String metric) {
    JsonObject run = file.getJsonObject("results").getJsonObject(model);
    if (run == null || !run.containsKey("sweep")) {
      throw new IllegalArgumentException("no sweep of " + model + " in the file");
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> e : run.getJsonObject("sweep").entrySet()) {
      if (e.getValue() instanceof JsonObject setting
          && setting.get(metric) instanceof JsonNumber n) {
        out.put(e.getKey(), n.doubleValue());
      }
    }
    return out;
  }

  private static JsonObject read(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        JsonReader json = Json.createReader(in)) {
      return json.readObject();
    }
  }
}

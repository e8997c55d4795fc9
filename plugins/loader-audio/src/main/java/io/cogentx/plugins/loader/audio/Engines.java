package io.cogentx.plugins.loader.audio;

import io.cogentx.spi.PluginContext;
import io.cogentx.spi.PluginHealth;
import io.cogentx.spi.Transcriber;
import io.cogentx.spi.TranscriberProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The speech engines (transcriber plugins) this loader uses, best first. {@code TRANSCRIBER=auto}
 * uses every available one in the order Whisper over HTTP (an operator's server, usually the
 * strongest model), in-process Whisper, any other engine, and last the offline pocketsphinx (weak,
 * but it runs on a fresh machine); when one is unavailable while a file is read, the next one takes
 * over. A name uses that engine only. Engines are created once, when the loader is; those that
 * cannot run are closed again, and why is kept for the health report.
 */
final class Engines implements AutoCloseable {

  static final String AUTO = "auto";

  /** How users are told what a weak engine is and how to get a better one. */
  static final Map<String, String> NOTES =
      Map.of(
          "pocketsphinx",
          "pocketsphinx is an offline engine with a weak accuracy (roughly one word in three"
              + " to two wrong, worse on noisy audio); search still finds passages by their words."
              + " For accurate transcripts enable Whisper: set WHISPER_BASE_URL to a Whisper server"
              + " (faster-whisper, whisper.cpp, LocalAI, OpenAI) or WHISPER_MODEL_PATH to a ggml"
              + " model such as ggml-base.en.bin.");

  private static final List<String> PREFERENCE = List.of("whisper-http", "whisper-jni");
  private static final List<String> LAST = List.of("pocketsphinx");

  /** An engine in use and the name its provider gave it. */
  record Engine(String name, Transcriber transcriber) {
    /** "pocketsphinx", or "whisper-http (whisper-1)" with the model. */
    String label() {
      String model = transcriber.model();
      return model == null || model.isBlank() ? name : name + " (" + model + ")";
    }
  }

  private final String setting;
  private final List<Engine> usable = new ArrayList<>();
  private final Map<String, String> notUsable = new LinkedHashMap<>();

  Engines(String setting, List<TranscriberProvider> providers, PluginContext context) {
    this.setting = setting == null || setting.isBlank() ? AUTO : setting.strip();
    boolean auto = AUTO.equalsIgnoreCase(this.setting);
    List<TranscriberProvider> candidates =
        providers.stream()
            .filter(p -> auto || p.name().equalsIgnoreCase(this.setting))
            .sorted(Comparator.comparingInt(Engines::rank))
            .toList();
    if (!auto && candidates.isEmpty()) {
      notUsable.put(
          this.setting,
          "TRANSCRIBER="
              + this.setting
              + " names no installed transcriber; installed: "
              + String.join(", ", providers.stream().map(TranscriberProvider::name).toList()));
    }
    for (TranscriberProvider provider : candidates) {
      try {
        Transcriber t = provider.create(context);
        if (t.available()) {
          usable.add(new Engine(provider.name(), t));
        } else {
          notUsable.put(provider.name(), reasonOf(t));
          t.close();
        }
      } catch (Exception | LinkageError e) {
        notUsable.put(provider.name(), String.valueOf(e.getMessage()));
      }
    }
  }

  private static int rank(TranscriberProvider p) {
    String name = p.name().toLowerCase(Locale.ROOT);
    int preferred = PREFERENCE.indexOf(name);
    if (preferred >= 0) {
      return preferred;
    }
    return LAST.contains(name) ? PREFERENCE.size() + 2 : PREFERENCE.size() + 1;
  }

  private static String reasonOf(Transcriber t) {
    if (t instanceof PluginHealth.Reporting reporting) {
      String message = reporting.health().message();
      if (!message.isBlank()) {
        return message;
      }
    }
    return "not available here";
  }

  boolean auto() {
    return AUTO.equalsIgnoreCase(setting);
  }

  /** The engines to use, best first (only one unless {@code auto}). */
  List<Engine> usable() {
    return auto() ? List.copyOf(usable) : usable.stream().limit(1).toList();
  }

  /** Why engines that were asked for cannot be used, by name. */
  Map<String, String> notUsable() {
    return Map.copyOf(notUsable);
  }

  /** What to tell a user whose file was transcribed by {@code engine}. */
  static String note(Engine engine) {
    String note = NOTES.get(engine.name().toLowerCase(Locale.ROOT));
    return "Transcribed by " + engine.label() + "." + (note == null ? "" : " " + note);
  }

  /** The message when no engine can run. */
  String nothingUsable() {
    StringBuilder sb =
        new StringBuilder(
            "No speech-recognition engine can run on this server, so recordings cannot be"
                + " transcribed (TRANSCRIBER="
                + setting
                + ").");
    notUsable.forEach((name, why) -> sb.append(' ').append(name).append(": ").append(why));
    sb.append(
        " Install pocketsphinx (apt-get install pocketsphinx pocketsphinx-en-us) or set"
            + " WHISPER_BASE_URL or WHISPER_MODEL_PATH.");
    return sb.toString();
  }

  /**
   * UP naming the engine (with the weak engine's note) when one can run, DEGRADED when none can:
   * the server works, but recordings are refused.
   */
  PluginHealth health() {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("transcriber_setting", setting);
    notUsable.forEach((name, why) -> data.put("unavailable." + name, why));
    List<Engine> engines = usable();
    if (engines.isEmpty()) {
      return PluginHealth.degraded(nothingUsable(), data);
    }
    Engine first = engines.get(0);
    data.put("transcriber", first.name());
    if (!first.transcriber().model().isBlank()) {
      data.put("model", first.transcriber().model());
    }
    if (engines.size() > 1) {
      data.put(
          "fallback",
          String.join(
              ", ", engines.subList(1, engines.size()).stream().map(Engine::name).toList()));
    }
    if (first.transcriber() instanceof PluginHealth.Reporting reporting) {
      PluginHealth engine = reporting.health();
      if (engine.status() != PluginHealth.Status.UP) {
        return PluginHealth.degraded(
            first.name()
                + ": "
                + engine.message()
                + (engines.size() > 1
                    ? " Audio falls back to " + engines.get(1).name() + " meanwhile."
                    : ""),
            data);
      }
    }
    return PluginHealth.up(note(first), data);
  }

  @Override
  public void close() {
    for (Engine e : usable) {
      e.transcriber().close();
    }
    usable.clear();
  }
}

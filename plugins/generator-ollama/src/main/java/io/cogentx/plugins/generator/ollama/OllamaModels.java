package io.cogentx.plugins.generator.ollama;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The models an Ollama server holds, as its {@code GET /api/tags} lists them ({@code {"models":
 * [{"name": "llama2:latest", "model": "llama2:latest", ...}]}}), and whether the configured one is
 * among them. Ollama calls a model without a tag by its {@code :latest} tag, so {@code llama2}
 * matches {@code llama2:latest}.
 */
record OllamaModels(List<String> names) {

  OllamaModels {
    names = List.copyOf(names);
  }

  /** Reads a {@code /api/tags} body; a body that is not such a list yields no models. */
  static OllamaModels parse(String body) {
    List<String> names = new ArrayList<>();
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value instanceof JsonObject object
          && object.get("models") instanceof jakarta.json.JsonArray models) {
        for (JsonValue m : models) {
          if (m instanceof JsonObject model) {
            for (String key : List.of("name", "model")) {
              if (model.get(key) instanceof JsonString name && !names.contains(name.getString())) {
                names.add(name.getString());
              }
            }
          }
        }
      }
    } catch (JsonException | IllegalStateException e) {
      // not JSON: no models
    }
    return new OllamaModels(names);
  }

  /** Whether {@code model} (with or without a tag) is pulled. */
  boolean has(String model) {
    String wanted = normalise(model);
    return names.stream().anyMatch(n -> normalise(n).equals(wanted));
  }

  private static String normalise(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    int slash = n.lastIndexOf('/');
    return n.indexOf(':', slash + 1) < 0 ? n + ":latest" : n;
  }
}

package io.cogentx.plugins.generator.ollama;

import io.cogentx.spi.GenerationException;
import io.cogentx.spi.Generator.Generation;
import io.cogentx.spi.Generator.TokenSink;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;

/**
 * Reads the NDJSON stream {@code /api/chat} answers with: one object per line, {@code
 * message.content} a piece of the reply, the last line {@code "done": true} with the token counts
 * ({@code prompt_eval_count}, {@code eval_count}); a line with {@code error} ends it with a
 * failure.
 */
final class ChatStream {

  private ChatStream() {}

  /**
   * Passes every piece to {@code sink} and returns the usage of the final line.
   *
   * @throws GenerationException for an {@code error} line, a line that is not JSON, or a stream
   *     that ends before {@code done}
   * @throws IOException when reading fails (a dropped connection)
   */
  static Generation read(BufferedReader lines, String model, TokenSink sink)
      throws IOException, GenerationException {
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.isBlank()) {
        continue;
      }
      JsonObject chunk = parse(line);
      if (chunk.containsKey("error")) {
        throw new GenerationException("Ollama reported an error: " + text(chunk, "error"));
      }
      JsonValue message = chunk.get("message");
      if (message instanceof JsonObject m && m.get("content") instanceof JsonValue content) {
        String piece =
            content.getValueType() == JsonValue.ValueType.STRING ? m.getString("content") : "";
        if (!piece.isEmpty()) {
          sink.token(piece);
        }
      }
      if (chunk.getBoolean("done", false)) {
        String answeredBy = chunk.containsKey("model") ? text(chunk, "model") : model;
        return new Generation(
            answeredBy, count(chunk, "prompt_eval_count"), count(chunk, "eval_count"));
      }
    }
    throw new GenerationException("The Ollama stream ended before the reply was complete.");
  }

  private static JsonObject parse(String line) throws GenerationException {
    try (JsonReader reader = Json.createReader(new StringReader(line))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new GenerationException("Ollama sent a line that is not a JSON object.");
    }
  }

  private static String text(JsonObject o, String key) {
    JsonValue v = o.get(key);
    return v != null && v.getValueType() == JsonValue.ValueType.STRING
        ? o.getString(key)
        : String.valueOf(v);
  }

  private static Integer count(JsonObject o, String key) {
    return o.get(key) instanceof JsonNumber n ? n.intValue() : null;
  }
}

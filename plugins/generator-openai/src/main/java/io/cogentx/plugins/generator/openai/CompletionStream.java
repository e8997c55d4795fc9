package io.cogentx.plugins.generator.openai;

import io.cogentx.spi.GenerationException;
import io.cogentx.spi.Generator.Generation;
import io.cogentx.spi.Generator.TokenSink;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;

/**
 * Reads the server-sent events of a streamed chat completion: {@code data: {...}} lines whose
 * {@code choices[0].delta.content} is the next piece, a chunk with {@code usage} (asked for with
 * {@code stream_options.include_usage}), and {@code data: [DONE]} at the end.
 */
final class CompletionStream {

  private CompletionStream() {}

  static Generation read(BufferedReader lines, String model, TokenSink sink)
      throws IOException, GenerationException {
    Integer prompt = null;
    Integer completion = null;
    String answeredBy = model;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (!line.startsWith("data:")) {
        continue; // blank separators, comments (": ping"), event names
      }
      String data = line.substring(5).strip();
      if (data.equals("[DONE]")) {
        return new Generation(answeredBy, prompt, completion);
      }
      JsonObject chunk = parse(data);
      if (chunk.get("error") instanceof JsonObject error) {
        throw new GenerationException(
            "The model server reported an error: " + error.getString("message", "no message"));
      }
      if (chunk.get("model") instanceof JsonString name) {
        answeredBy = name.getString();
      }
      if (chunk.get("choices") instanceof JsonArray choices
          && !choices.isEmpty()
          && choices.get(0) instanceof JsonObject choice
          && choice.get("delta") instanceof JsonObject delta
          && delta.get("content") instanceof JsonString content
          && !content.getString().isEmpty()) {
        sink.token(content.getString());
      }
      if (chunk.get("usage") instanceof JsonObject usage) {
        prompt = usage.get("prompt_tokens") instanceof JsonNumber n ? n.intValue() : prompt;
        completion =
            usage.get("completion_tokens") instanceof JsonNumber n ? n.intValue() : completion;
      }
    }
    throw new GenerationException("The model's stream ended before [DONE].");
  }

  private static JsonObject parse(String data) throws GenerationException {
    try (JsonReader reader = Json.createReader(new StringReader(data))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new GenerationException("The model server sent an event that is not a JSON object.");
    }
  }
}

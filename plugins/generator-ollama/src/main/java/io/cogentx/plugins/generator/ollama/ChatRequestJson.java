package io.cogentx.plugins.generator.ollama;

import io.cogentx.spi.Generator.ChatMessage;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;

/** The body of {@code POST /api/chat}: the messages, streaming on, the context size. */
final class ChatRequestJson {

  private ChatRequestJson() {}

  static String write(OllamaSettings settings, List<ChatMessage> messages) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (ChatMessage m : messages) {
      array.add(Json.createObjectBuilder().add("role", m.role()).add("content", m.content()));
    }
    return Json.createObjectBuilder()
        .add("model", settings.model())
        .add("messages", array)
        .add("stream", true)
        .add(
            "options",
            Json.createObjectBuilder()
                .add("num_ctx", settings.contextTokens())
                .add("temperature", settings.temperature()))
        .build()
        .toString();
  }
}

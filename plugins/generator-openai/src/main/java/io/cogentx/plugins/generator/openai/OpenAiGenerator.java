package io.cogentx.plugins.generator.openai;

import io.cogentx.spi.GenerationException;
import io.cogentx.spi.Generator;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Streams replies from {@code POST {OPENAI_BASE_URL}/chat/completions} with {@code "stream": true}:
 * what vLLM, llama.cpp's server, LM Studio and OpenAI speak. One attempt per call; an interrupt
 * cancels the exchange.
 */
final class OpenAiGenerator implements Generator {

  private static final int MAX_ERROR_BODY = 2_000;

  private final OpenAiSettings settings;
  private final HttpClient http;

  OpenAiGenerator(OpenAiSettings settings) {
    this.settings = settings;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.timeout())
            .build();
  }

  @Override
  public String model() {
    return settings.model();
  }

  @Override
  public int contextTokens() {
    return settings.contextTokens();
  }

  @Override
  public Generation generate(List<ChatMessage> messages, TokenSink sink)
      throws GenerationException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(settings.baseUrl().resolve("chat/completions"))
            .timeout(settings.timeout())
            .header("Content-Type", "application/json")
            .header("Accept", "text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body(messages), StandardCharsets.UTF_8));
    if (!settings.apiKey().isEmpty()) {
      request.header("Authorization", "Bearer " + settings.apiKey());
    }
    HttpResponse<InputStream> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new GenerationException(
          "The model server is not reachable at " + settings.baseUrl() + " (" + reason(e) + ").",
          e);
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new GenerationException(
            "The model server answered HTTP " + response.statusCode() + errorOf(body) + ".");
      }
      return CompletionStream.read(
          new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)),
          settings.model(),
          sink);
    } catch (IOException e) {
      if (Thread.interrupted()) {
        throw new InterruptedException("generation cancelled");
      }
      throw new GenerationException(
          "The connection to the model server broke (" + reason(e) + ").", e);
    }
  }

  private String body(List<ChatMessage> messages) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (ChatMessage m : messages) {
      array.add(Json.createObjectBuilder().add("role", m.role()).add("content", m.content()));
    }
    return Json.createObjectBuilder()
        .add("model", settings.model())
        .add("messages", array)
        .add("stream", true)
        .add("stream_options", Json.createObjectBuilder().add("include_usage", true))
        .add("temperature", settings.temperature())
        .build()
        .toString();
  }

  /** The server's {@code {"error": {"message"}}}, shortened, as ": ..." (empty if none). */
  private static String errorOf(InputStream body) {
    try {
      String text = new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8).strip();
      try (JsonReader r = Json.createReader(new StringReader(text))) {
        JsonObject o = r.readObject();
        if (o.get("error") instanceof JsonObject error) {
          return ": " + error.getString("message", text);
        }
      } catch (RuntimeException notJson) {
        // fall through to the raw text
      }
      return text.isEmpty() ? "" : ": " + text;
    } catch (IOException e) {
      return "";
    }
  }

  private static String reason(IOException e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e instanceof java.net.ConnectException ? "connection refused" : "no reason given";
    }
    return message.replaceAll("[\\w.$]+Exception:?\\s*", "").strip();
  }

  @Override
  public void close() {
    http.close();
  }
}

package io.cogentx.plugins.generator.ollama;

import io.cogentx.spi.GenerationException;
import io.cogentx.spi.Generator;
import io.cogentx.spi.PluginHealth;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Streams replies from Ollama's {@code POST /api/chat} (NDJSON, {@code "stream": true}) with the
 * JDK's HTTP client. One attempt per call; the server adds retries and the circuit breaker. An
 * interrupt cancels the exchange (the client's body stream is interruptible).
 */
final class OllamaGenerator implements Generator, PluginHealth.Reporting {

  private static final int MAX_ERROR_BODY = 2_000;

  private final OllamaSettings settings;
  private final HttpClient http;
  private final OllamaHealth health;

  OllamaGenerator(OllamaSettings settings) {
    this.settings = settings;
    this.health = new OllamaHealth(settings);
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.timeout())
            .build();
  }

  @Override
  public PluginHealth health() {
    return health.get();
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
    HttpRequest request =
        HttpRequest.newBuilder(settings.baseUrl().resolve("api/chat"))
            .timeout(settings.timeout())
            .header("Content-Type", "application/json")
            .header("Accept", "application/x-ndjson")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    ChatRequestJson.write(settings, messages), StandardCharsets.UTF_8))
            .build();
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new GenerationException(
          "Ollama is not reachable at " + settings.baseUrl() + " (" + describe(e) + ").", e);
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new GenerationException(
            "Ollama answered HTTP " + response.statusCode() + errorOf(body) + ".");
      }
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
      return ChatStream.read(lines, settings.model(), sink);
    } catch (IOException e) {
      if (Thread.interrupted()) {
        throw new InterruptedException("generation cancelled");
      }
      throw new GenerationException("The connection to Ollama broke (" + describe(e) + ").", e);
    }
  }

  /** Ollama's {@code {"error": "..."}} body, shortened, as ": ..." (empty if none). */
  private static String errorOf(InputStream body) {
    try {
      String text = new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? "" : ": " + text;
    } catch (IOException e) {
      return "";
    }
  }

  /** What went wrong, for people: the message without exception class names. */
  private static String describe(IOException e) {
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

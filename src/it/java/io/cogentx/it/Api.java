package io.cogentx.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** A small HTTP client for the server under test. */
final class Api {

  static final String BASE = System.getProperty("it.base.url", "http://127.0.0.1:18080");
  static final String ADMIN_TOKEN = System.getProperty("it.admin.token", "");
  static final Path SERVER_DIR = Path.of(System.getProperty("it.server.dir", "target/liberty"));
  static final String SESSION = "X-Session-Id";

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  private Api() {}

  static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(60));
  }

  static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder r = request(path).GET();
    if (headers.length > 0) {
      r.headers(headers);
    }
    return send(r);
  }

  static HttpResponse<String> delete(String path, String... headers) {
    HttpRequest.Builder r = request(path).DELETE();
    if (headers.length > 0) {
      r.headers(headers);
    }
    return send(r);
  }

  static JsonObject json(HttpResponse<String> response) {
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readObject();
    }
  }

  static HttpResponse<String> postJson(String path, String sessionId, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .header(SESSION, sessionId)
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A JSON string literal. */
  static String quote(String s) {
    return Json.createValue(s).toString();
  }

  /** A new session's id, as the server issues it. */
  static String newSession() {
    return get("/api/v1/session/info").headers().firstValue(SESSION).orElseThrow();
  }
}

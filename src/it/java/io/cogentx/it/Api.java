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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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

  /** For bodies read as bytes. */
  static final HttpClient HTTP_BYTES = HTTP;

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

  /** One server-sent event. */
  record Event(String name, JsonObject data) {}

  /** The events of a {@code text/event-stream} response, read until the server closes it. */
  static List<Event> events(String path, String... headers) {
    HttpRequest.Builder r =
        request(path).timeout(Duration.ofSeconds(120)).header("Accept", "text/event-stream").GET();
    if (headers.length > 0) {
      r.headers(headers);
    }
    HttpResponse<Stream<String>> response;
    try {
      response = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofLines());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "events: HTTP " + response.statusCode() + " " + response.body().toList());
    }
    assertContentType(response.headers().firstValue("Content-Type").orElse(""));
    List<Event> events = new ArrayList<>();
    String name = "message";
    StringBuilder data = new StringBuilder();
    try (Stream<String> lines = response.body()) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.isEmpty()) {
          if (!data.isEmpty()) {
            try (JsonReader reader = Json.createReader(new StringReader(data.toString()))) {
              events.add(new Event(name, reader.readObject()));
            }
          }
          name = "message";
          data.setLength(0);
        } else if (line.startsWith("event:")) {
          name = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).strip());
        }
      }
    }
    return events;
  }

  private static void assertContentType(String type) {
    if (!type.startsWith("text/event-stream")) {
      throw new AssertionError("events: Content-Type " + type);
    }
  }

  /** Polls the job until it ends; every answer on the way must be 200. */
  static JsonObject awaitJob(String session, String jobId, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      HttpResponse<String> r = get("/api/v1/jobs/" + jobId, SESSION, session);
      if (r.statusCode() != 200) {
        throw new AssertionError("job " + jobId + ": HTTP " + r.statusCode() + " " + r.body());
      }
      JsonObject job = json(r);
      String state = job.getString("state");
      if (!state.equals("queued") && !state.equals("running")) {
        return job;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("job " + jobId + " still " + state + " after " + timeout);
      }
      sleep(Duration.ofMillis(100));
    }
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A new session's id, as the server issues it. */
  static String newSession() {
    return get("/api/v1/session/info").headers().firstValue(SESSION).orElseThrow();
  }
}

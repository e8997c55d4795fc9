package io.cogentx.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server-sent-events client for tests: reads the stream on its own thread and hands out events as
 * they arrive, each with the time it was received, so a test can wait for one with a deadline and
 * never hangs.
 */
final class EventStream implements AutoCloseable {

  /** One event: its name, its data as JSON, when it came. */
  record Event(String name, String data, Instant received) {
    JsonObject json() {
      try (JsonReader r = Json.createReader(new StringReader(data))) {
        return r.readObject();
      }
    }
  }

  /** Marks the end of the stream in the queue. */
  private static final Event END = new Event("(end)", "{}", Instant.EPOCH);

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final HttpResponse<Stream<String>> response;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final List<Event> seen = new ArrayList<>();
  private final Thread reader;
  private volatile boolean ended;

  private EventStream(HttpResponse<Stream<String>> response) {
    this.response = response;
    this.reader = Thread.ofPlatform().daemon().start(this::read);
  }

  /** POSTs {@code json} to {@code path} with {@code Accept: text/event-stream}. */
  static EventStream post(String path, String session, String json) {
    HttpRequest request =
        Api.request(path)
            .header("Content-Type", "application/json")
            .header("Accept", "text/event-stream")
            .header(Api.SESSION, session)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    try {
      return new EventStream(HTTP.send(request, HttpResponse.BodyHandlers.ofLines()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<Stream<String>> response() {
    return response;
  }

  private void read() {
    String name = "message";
    StringBuilder data = new StringBuilder();
    try (Stream<String> lines = response.body()) {
      Iterator<String> it = lines.iterator();
      while (it.hasNext()) {
        String line = it.next();
        if (line.isEmpty()) {
          if (!data.isEmpty()) {
            events.add(new Event(name, data.toString(), Instant.now()));
          }
          name = "message";
          data.setLength(0);
        } else if (line.startsWith("event:")) {
          name = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          if (!data.isEmpty()) {
            data.append('\n');
          }
          data.append(line.substring(5).stripLeading());
        }
      }
    } catch (RuntimeException e) {
      // a broken connection ends the stream like a closed one
    } finally {
      ended = true;
      events.add(END);
    }
  }

  /** The next event, failing the test if none comes within {@code timeout}. */
  Event next(Duration timeout) throws InterruptedException {
    Event e = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (e == null) {
      throw new AssertionError("no event within " + timeout + "; got so far: " + names());
    }
    if (e == END) {
      events.add(END);
      throw new AssertionError("the stream ended; events were: " + names());
    }
    seen.add(e);
    return e;
  }

  /** Reads until {@code name}, returning it (events before it are kept in {@link #seen}). */
  Event until(String name, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      Event e = next(Duration.between(Instant.now(), deadline).abs());
      if (e.name().equals(name)) {
        return e;
      }
    }
  }

  /** Waits for the server to close the stream; true if it did within {@code timeout}. */
  boolean awaitEnd(Duration timeout) throws InterruptedException {
    reader.join(timeout);
    return ended;
  }

  /** Whether more events came after those read (without waiting). */
  List<Event> remaining() {
    List<Event> out = new ArrayList<>();
    for (Event e : events) {
      if (e != END) {
        out.add(e);
      }
    }
    return out;
  }

  List<Event> seen() {
    return List.copyOf(seen);
  }

  List<String> names() {
    return seen.stream().map(Event::name).toList();
  }

  @Override
  public void close() {
    reader.interrupt();
  }
}

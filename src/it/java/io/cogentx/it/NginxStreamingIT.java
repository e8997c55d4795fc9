package io.cogentx.it;

import static io.cogentx.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * nginx/nginx.conf in a real nginx in front of a loopback upstream that writes server-sent events
 * on cue: events pass through as they are written. Runs after NginxIT's nginx has stopped, on the
 * same port (it.nginx.port).
 */
class NginxStreamingIT {

  private static final int PORT = Integer.getInteger("it.nginx.port", 18092);

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /**
   * The upstream writes one event, then waits until the client has it before writing the next: a
   * proxy that buffers the stream makes the client wait for the end instead, and the test fails.
   */
  @ParameterizedTest
  @CsvSource({"GET, /api/v1/jobs/j-1/events", "POST, /api/v1/ask"})
  void serverSentEventsArriveAsTheyAreWritten(String method, String path) throws Exception {
    try (CueingUpstream upstream = new CueingUpstream(Duration.ofSeconds(10));
        Nginx streaming = Nginx.start(PORT, "127.0.0.1:" + upstream.port())) {
      StreamRead read = readEvents(streaming.url(path), method, upstream);

      assertThat(upstream.clientHadFirstEventInTime.get())
          .as("the first event reached the client while the upstream was still writing")
          .isTrue();
      assertThat(read.events()).containsExactly("progress", "done");
      assertThat(read.contentType()).startsWith("text/event-stream");
      assertThat(read.contentEncoding()).as("event streams are never gzipped").isNull();
    }
  }

  @Test
  void aCompressedStreamWouldBeHeldBackSoTheTestAboveCanFail() throws Exception {
    // control: the same cueing stream as text/plain, which nginx gzips: the first event only
    // arrives with the last, as an event stream would if it were compressed
    try (CueingUpstream upstream = new CueingUpstream(Duration.ofSeconds(2), "text/plain");
        Nginx streaming = Nginx.start(PORT, "127.0.0.1:" + upstream.port())) {
      StreamRead read = readEvents(streaming.url("/api/v1/other/stream"), "GET", upstream);

      assertThat(read.contentEncoding()).isEqualTo("gzip");
      assertThat(read.events()).containsExactly("progress", "done");
      assertThat(upstream.clientHadFirstEventInTime.get()).isFalse();
    }
  }

  @Test
  void anUnreachableBackendIsA503Problem() throws Exception {
    CueingUpstream upstream = new CueingUpstream(Duration.ofSeconds(1));
    String backend = "127.0.0.1:" + upstream.port();
    upstream.close(); // nothing listens there any more
    try (Nginx orphan = Nginx.start(PORT, backend)) {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(orphan.url("/api/v1/session/info"))).GET().build(),
              HttpResponse.BodyHandlers.ofString());

      assertProblem(response, 503);
      assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }
  }

  // --- helpers

  private record StreamRead(List<String> events, String contentType, String contentEncoding) {}

  private static StreamRead readEvents(String url, String method, CueingUpstream upstream)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "text/event-stream")
            .header("Accept-Encoding", "gzip");
    if (method.equals("POST")) {
      request.header("Content-Type", "application/json");
      request.POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"q\"}"));
    }
    HttpResponse<InputStream> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    List<String> events = new ArrayList<>();
    String encoding = response.headers().firstValue("Content-Encoding").orElse(null);
    InputStream body =
        "gzip".equals(encoding) ? new GZIPInputStream(response.body()) : response.body();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        if (line.startsWith("event: ")) {
          events.add(line.substring(7));
        } else if (line.isEmpty() && events.size() == 1) {
          upstream.firstEventReceived.countDown();
        }
      }
    }
    return new StreamRead(
        events, response.headers().firstValue("Content-Type").orElse(""), encoding);
  }

  /** An SSE upstream that writes "progress", waits for the client's cue, then writes "done". */
  private static final class CueingUpstream implements AutoCloseable {
    final CountDownLatch firstEventReceived = new CountDownLatch(1);
    final AtomicBoolean clientHadFirstEventInTime = new AtomicBoolean();
    private final HttpServer server;

    CueingUpstream(Duration patience) {
      this(patience, "text/event-stream");
    }

    CueingUpstream(Duration patience, String contentType) {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext(
          "/",
          exchange -> {
            try (exchange) {
              stream(exchange, patience, contentType);
            }
          });
      server.setExecutor(Executors.newCachedThreadPool());
      server.start();
    }

    private void stream(HttpExchange exchange, Duration patience, String contentType)
        throws IOException {
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.getResponseHeaders().set("Cache-Control", "no-cache");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      out.write(
          "event: progress\ndata: {\"state\":\"running\"}\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      try {
        clientHadFirstEventInTime.set(
            firstEventReceived.await(patience.toMillis(), TimeUnit.MILLISECONDS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      out.write(
          "event: done\ndata: {\"state\":\"succeeded\"}\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    int port() {
      return server.getAddress().getPort();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}

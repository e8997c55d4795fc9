package io.cogentx.plugins.generator.ollama;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A protocol double of an Ollama server on the loopback interface: {@code GET /api/tags} lists the
 * model, {@code POST /api/chat} streams the configured reply as Ollama does (chunked {@code
 * application/x-ndjson}, one {@code {"model", "created_at", "message": {"role": "assistant",
 * "content"}, "done": false}} line per piece, then a {@code "done": true} line with {@code
 * done_reason}, durations, {@code prompt_eval_count} and {@code eval_count}).
 *
 * <p>Modes: {@link Mode#NORMAL}; {@link Mode#ERROR} answers 500 with {@code {"error": ...}}; {@link
 * Mode#DROP} sends the first pieces, then closes the connection without ending the chunked body;
 * {@link Mode#HOLD} sends the first piece and waits for {@link #release()} before the rest. A delay
 * between pieces ({@link #delay}) makes any mode slow. Used by the plugin's tests and, from the
 * test jar, by the server's integration tests.
 */
public final class OllamaDouble implements AutoCloseable {

  /** How {@code /api/chat} answers. */
  public enum Mode {
    NORMAL,
    ERROR,
    DROP,
    HOLD
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final AtomicInteger chatRequests = new AtomicInteger();
  private final List<String> chatBodies = new CopyOnWriteArrayList<>();
  private volatile String model = "llama2";
  private volatile String reply = "Paraffin replaced whale oil [1].";
  private volatile Mode mode = Mode.NORMAL;
  private volatile Duration delay = Duration.ZERO;
  private volatile Duration firstDelay = Duration.ZERO;
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private volatile Instant lastFinished;

  private OllamaDouble(InetAddress address, int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(address, port), 50);
    server.setExecutor(threads);
    server.createContext("/api/tags", this::tags);
    server.createContext("/api/chat", this::chat);
    server.start();
  }

  /** A double on {@code port} of 127.0.0.1 (0: any free port). */
  public static OllamaDouble start(int port) {
    return start(InetAddress.getLoopbackAddress(), port);
  }

  /**
   * A double on {@code port} of {@code address}, e.g. the Docker bridge's gateway for containers
   * that reach it as {@code host.docker.internal}.
   */
  public static OllamaDouble start(InetAddress address, int port) {
    try {
      return new OllamaDouble(address, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** Back to a normal, fast double with the default reply; counters are kept. */
  public synchronized OllamaDouble reset() {
    gate.countDown();
    mode = Mode.NORMAL;
    model = "llama2";
    delay = Duration.ZERO;
    firstDelay = Duration.ZERO;
    reply = "Paraffin replaced whale oil [1].";
    return this;
  }

  public OllamaDouble model(String model) {
    this.model = model;
    return this;
  }

  /** The reply {@code /api/chat} streams, cut into pieces at word boundaries. */
  public OllamaDouble reply(String reply) {
    this.reply = reply;
    return this;
  }

  public synchronized OllamaDouble mode(Mode mode) {
    if (mode == Mode.HOLD) {
      gate = new CountDownLatch(1);
    }
    this.mode = mode;
    return this;
  }

  /** Pause before each piece after the first. */
  public OllamaDouble delay(Duration delay) {
    this.delay = delay;
    return this;
  }

  /** Pause before the first piece (the model "thinking"). */
  public OllamaDouble firstDelay(Duration firstDelay) {
    this.firstDelay = firstDelay;
    return this;
  }

  /** Lets a {@link Mode#HOLD} stream send the rest of its reply. */
  public void release() {
    gate.countDown();
  }

  /** {@code POST /api/chat} requests received so far. */
  public int chatRequests() {
    return chatRequests.get();
  }

  /** The request bodies received, oldest first. */
  public List<String> chatBodies() {
    return List.copyOf(chatBodies);
  }

  /** When the last reply's final line was sent, or {@code null}. */
  public Instant lastFinished() {
    return lastFinished;
  }

  /** The pieces a reply is streamed in: each word with the space before it. */
  public static List<String> pieces(String reply) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= reply.length(); i++) {
      if (i == reply.length() || reply.charAt(i) == ' ') {
        out.add(reply.substring(start, i));
        start = i;
      }
    }
    return out;
  }

  private void tags(HttpExchange exchange) throws IOException {
    String body =
        "{\"models\":[{\"name\":\""
            + model
            + ":latest\",\"model\":\""
            + model
            + ":latest\",\"modified_at\":\"2026-01-01T00:00:00Z\",\"size\":3826793677,"
            + "\"digest\":\"78e26419b446\",\"details\":{\"format\":\"gguf\",\"family\":\"llama\","
            + "\"parameter_size\":\"7B\",\"quantization_level\":\"Q4_0\"}}]}";
    send(exchange, 200, body);
  }

  private void chat(HttpExchange exchange) throws IOException {
    String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    chatRequests.incrementAndGet();
    chatBodies.add(request);
    Mode now = mode;
    CountDownLatch held = gate;
    if (now == Mode.ERROR) {
      send(exchange, 500, "{\"error\":\"llama runner process has terminated: signal: killed\"}");
      return;
    }
    exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    List<String> pieces = pieces(reply);
    pause(firstDelay);
    for (int i = 0; i < pieces.size(); i++) {
      if (i > 0) {
        pause(delay);
      }
      if (i == 1 && now == Mode.HOLD) {
        await(held);
      }
      if (i == 2 && now == Mode.DROP) {
        // the pieces sent reach the client before the connection goes (a reset can discard data the
        // client has not read yet, which made the test of what arrived flaky)
        out.flush();
        pause(Duration.ofMillis(200));
        // leaves the chunked body unterminated: the server closes the connection on an exception
        throw new IOException("dropping the connection, as asked");
      }
      line(out, chunk(pieces.get(i)));
    }
    line(
        out,
        "{\"model\":\""
            + model
            + "\",\"created_at\":\""
            + Instant.now()
            + "\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done_reason\":\"stop\","
            + "\"done\":true,\"total_duration\":5191566416,\"load_duration\":2154458,"
            + "\"prompt_eval_count\":"
            + Math.max(1, request.length() / 4)
            + ",\"prompt_eval_duration\":383809000,\"eval_count\":"
            + pieces.size()
            + ",\"eval_duration\":4799921000}");
    lastFinished = Instant.now();
    out.close();
  }

  private String chunk(String piece) {
    return "{\"model\":\""
        + model
        + "\",\"created_at\":\""
        + Instant.now()
        + "\",\"message\":{\"role\":\"assistant\",\"content\":"
        + jsonString(piece)
        + "},\"done\":false}";
  }

  private static void line(OutputStream out, String json) throws IOException {
    out.write((json + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** {@code s} as a JSON string literal, quoted and escaped (JSON-P). */
  static String jsonString(String s) {
    return jakarta.json.Json.createValue(s).toString();
  }

  private static void pause(Duration d) {
    if (!d.isZero()) {
      try {
        Thread.sleep(d);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the held reply");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    gate.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}

package io.cogentx.plugins.transcriber.whisper.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A protocol double of an OpenAI-compatible Whisper server on the loopback interface: {@code POST
 * /v1/audio/transcriptions} parses the real {@code multipart/form-data} request (RFC 7578: the
 * boundary from the Content-Type, each part's Content-Disposition name and filename, its bytes),
 * checks that the file part is a 16 kHz mono 16-bit WAV, records what it received, and answers
 * {@code verbose_json} as OpenAI and faster-whisper servers do ({@code task, language, duration,
 * text, segments[{id, seek, start, end, text, tokens, temperature, avg_logprob, compression_ratio,
 * no_speech_prob}]}) with its script's segments that fall within the audio.
 *
 * <p>Modes: {@link Mode#NORMAL}; {@link Mode#SLOW} answers after {@link #delay}; {@link Mode#ERROR}
 * answers 500 with {@code {"error": {"message", "type"}}}; {@link Mode#MALFORMED} answers 200 with
 * broken JSON; {@link Mode#DROP} closes the connection without an answer. {@link #failNext} makes
 * only the next n requests fail (with 500), for retries. Used by the plugin's tests and, from the
 * test jar, by the server's integration tests.
 */
public final class WhisperDouble implements AutoCloseable {

  /** How the transcription endpoint answers. */
  public enum Mode {
    NORMAL,
    SLOW,
    ERROR,
    MALFORMED,
    DROP
  }

  /** One segment of the script, in seconds from the start of the audio sent. */
  public record Line(double start, double end, String text, String speaker) {
    public Line(double start, double end, String text) {
      this(start, end, text, null);
    }
  }

  /** What one request carried. */
  public record Request(
      Map<String, String> fields,
      String fileName,
      String fileType,
      int fileBytes,
      double seconds,
      String authorization) {}

  /** JFK's words with the times Whisper gives them in jfk.wav. */
  public static final List<Line> JFK =
      List.of(
          new Line(
              0.0, 7.6, " And so my fellow Americans, ask not what your country can do for you,"),
          new Line(7.6, 10.6, " ask what you can do for your country."));

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger failures = new AtomicInteger();
  private volatile Mode mode = Mode.NORMAL;
  private volatile Duration delay = Duration.ofSeconds(5);
  private volatile List<Line> script = JFK;

  private WhisperDouble(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    server.setExecutor(threads);
    server.createContext("/v1/audio/transcriptions", this::transcribe);
    server.start();
  }

  /** A double on {@code port} of 127.0.0.1 (0: any free port). */
  public static WhisperDouble start(int port) {
    try {
      return new WhisperDouble(port);
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

  public WhisperDouble mode(Mode mode) {
    this.mode = mode;
    return this;
  }

  public WhisperDouble delay(Duration delay) {
    this.delay = delay;
    return this;
  }

  public WhisperDouble script(List<Line> script) {
    this.script = List.copyOf(script);
    return this;
  }

  /** The next {@code n} requests answer 500, the rest as the mode says. */
  public WhisperDouble failNext(int n) {
    failures.set(n);
    return this;
  }

  /** Normal, the JFK script, no failures pending; the requests seen are kept. */
  public WhisperDouble reset() {
    mode = Mode.NORMAL;
    script = JFK;
    failures.set(0);
    delay = Duration.ofSeconds(5);
    return this;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  private void transcribe(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        send(exchange, 405, "{\"error\":{\"message\":\"Method Not Allowed\"}}");
        return;
      }
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      byte[] body = exchange.getRequestBody().readAllBytes();
      Map<String, Part> parts;
      try {
        parts = parse(type, body);
      } catch (IllegalArgumentException e) {
        send(exchange, 400, "{\"error\":{\"message\":" + quote(e.getMessage()) + "}}");
        return;
      }
      Part file = parts.get("file");
      if (file == null) {
        send(exchange, 422, "{\"detail\":\"field required: file\"}");
        return;
      }
      double seconds = wavSeconds(file.bytes());
      Map<String, String> fields = new LinkedHashMap<>();
      parts.forEach(
          (name, part) -> {
            if (part.fileName() == null) {
              fields.put(name, new String(part.bytes(), StandardCharsets.UTF_8));
            }
          });
      requests.add(
          new Request(
              fields,
              file.fileName(),
              file.type(),
              file.bytes().length,
              seconds,
              exchange.getRequestHeaders().getFirst("Authorization")));
      if (seconds < 0) {
        send(exchange, 400, "{\"error\":{\"message\":\"Invalid file: not a 16 kHz mono WAV\"}}");
        return;
      }
      if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        send(
            exchange,
            500,
            "{\"error\":{\"message\":\"CUDA out of memory\",\"type\":\"server_error\"}}");
        return;
      }
      switch (mode) {
        case ERROR ->
            send(
                exchange,
                500,
                "{\"error\":{\"message\":\"CUDA out of memory\",\"type\":\"server_error\"}}");
        case MALFORMED ->
            send(exchange, 200, "{\"task\":\"transcribe\",\"segments\":[{\"start\":0.0,");
        case DROP -> throw new IOException("dropping the connection, as asked");
        case SLOW -> {
          pause(delay);
          send(exchange, 200, verboseJson(seconds, fields.get("response_format")));
        }
        case NORMAL -> send(exchange, 200, verboseJson(seconds, fields.get("response_format")));
      }
    }
  }

  private String verboseJson(double seconds, String format) {
    List<Line> lines = script.stream().filter(l -> l.start() < seconds).toList();
    StringBuilder text = new StringBuilder();
    StringBuilder segments = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      text.append(l.text());
      if (i > 0) {
        segments.append(',');
      }
      segments.append(
          String.format(
              Locale.ROOT,
              "{\"id\":%d,\"seek\":0,\"start\":%.2f,\"end\":%.2f,\"text\":%s,\"tokens\":[50364,400,"
                  + "370,452],\"temperature\":0.0,\"avg_logprob\":-0.21,\"compression_ratio\":1.2,"
                  + "\"no_speech_prob\":0.01%s}",
              i,
              l.start(),
              Math.min(l.end(), seconds),
              quote(l.text()),
              l.speaker() == null ? "" : ",\"speaker\":" + quote(l.speaker())));
    }
    if (!"verbose_json".equals(format)) {
      return "{\"text\":" + quote(text.toString()) + "}";
    }
    return String.format(
        Locale.ROOT,
        "{\"task\":\"transcribe\",\"language\":\"english\",\"duration\":%.3f,\"text\":%s,"
            + "\"segments\":[%s]}",
        seconds,
        quote(text.toString().strip()),
        segments);
  }

  /** A part of a multipart body. */
  record Part(String name, String fileName, String type, byte[] bytes) {}

  /** Parses {@code multipart/form-data}: every part's headers and bytes, by name. */
  static Map<String, Part> parse(String contentType, byte[] body) {
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw new IllegalArgumentException("Content-Type must be multipart/form-data");
    }
    int b = contentType.indexOf("boundary=");
    if (b < 0) {
      throw new IllegalArgumentException("no boundary");
    }
    String boundary = contentType.substring(b + 9).replace("\"", "").strip();
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    Map<String, Part> parts = new LinkedHashMap<>();
    int at = indexOf(body, delimiter, 0);
    if (at < 0) {
      throw new IllegalArgumentException("boundary not found in body");
    }
    while (true) {
      int after = at + delimiter.length;
      if (after + 2 <= body.length && body[after] == '-' && body[after + 1] == '-') {
        return parts; // closing delimiter
      }
      int headersStart = after + 2; // CRLF
      int headersEnd =
          indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
      if (headersEnd < 0) {
        throw new IllegalArgumentException("part without headers");
      }
      String headers =
          new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
      int next =
          indexOf(
              body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), headersEnd + 4);
      if (next < 0) {
        throw new IllegalArgumentException("unterminated part");
      }
      byte[] content = Arrays.copyOfRange(body, headersEnd + 4, next);
      String name = null;
      String fileName = null;
      String type = null;
      for (String h : headers.split("\r\n")) {
        String lower = h.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-disposition:")) {
          name = param(h, "name");
          fileName = param(h, "filename");
        } else if (lower.startsWith("content-type:")) {
          type = h.substring(h.indexOf(':') + 1).strip();
        }
      }
      if (name == null) {
        throw new IllegalArgumentException("part without a name");
      }
      parts.put(name, new Part(name, fileName, type, content));
      at = next + 2;
    }
  }

  private static String param(String header, String key) {
    for (String piece : header.split(";")) {
      String p = piece.strip();
      if (p.startsWith(key + "=")) {
        return p.substring(key.length() + 1).replace("\"", "");
      }
    }
    return null;
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Seconds of a 16 kHz mono 16-bit PCM WAV file with a canonical header, or -1. */
  static double wavSeconds(byte[] wav) {
    if (wav.length < 44) {
      return -1;
    }
    ByteBuffer h = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
    boolean ok =
        h.getInt(0) == 0x46464952
            && h.getInt(8) == 0x45564157
            && h.getShort(20) == 1
            && h.getShort(22) == 1
            && h.getInt(24) == 16_000
            && h.getShort(34) == 16
            && h.getInt(36) == 0x61746164;
    return ok ? Math.min(h.getInt(40), wav.length - 44) / 32_000.0 : -1;
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** {@code s} as a JSON string literal, quoted and escaped (JSON-P). */
  private static String quote(String s) {
    return jakarta.json.Json.createValue(s).toString();
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  /** The lines, for tests that build a script. */
  public static List<Line> lines(Line... lines) {
    return new ArrayList<>(List.of(lines));
  }
}

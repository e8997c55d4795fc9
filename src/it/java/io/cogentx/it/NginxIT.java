package io.cogentx.it;

import static io.cogentx.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.web.WebUiHeaders;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The repository's nginx/nginx.conf in a real nginx process in front of the real server: session
 * header, UI headers, compression, what is exposed, upload limits. Streaming: {@link
 * NginxStreamingIT}.
 */
class NginxIT {

  private static final int PORT = Integer.getInteger("it.nginx.port", 18092);
  private static final String BACKEND = URI.create(Api.BASE).getAuthority();

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private static Nginx nginx;

  @BeforeAll
  static void startNginx() {
    nginx = Nginx.start(PORT, BACKEND);
  }

  @AfterAll
  static void stopNginx() {
    if (nginx != null) {
      nginx.close();
    }
  }

  @Test
  void theConfigPassesNginxTest() {
    Nginx.Result result = Nginx.test(Nginx.prepare(PORT + 100, BACKEND));

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("syntax is ok", "test is successful");
  }

  @Test
  void theSessionHeaderRoundTripsThroughNginxToTheBackend() {
    HttpResponse<String> first = send(get("/api/v1/session/info"));
    assertThat(first.statusCode()).isEqualTo(200);
    String session = first.headers().firstValue(Api.SESSION).orElseThrow();

    HttpResponse<String> again = send(get("/api/v1/session/info").header(Api.SESSION, session));
    assertThat(again.headers().firstValue(Api.SESSION)).hasValue(session);
    assertThat(Api.json(again).getString("session_id")).isEqualTo(session);

    HttpResponse<String> added =
        send(
            post(
                    "/api/v1/documents?wait=true",
                    "{\"title\": \"via nginx\", \"text\": \"Proxied words.\"}")
                .header(Api.SESSION, session)
                .header("Content-Type", "application/json"));
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    // the backend saw the header: the document is in that session, asked for directly
    assertThat(Api.get("/api/v1/documents", Api.SESSION, session).body()).contains("via nginx");
    // and built its Location from the Host the browser used
    assertThat(added.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).startsWith(nginx.url("/api/v1/documents/")));
  }

  @Test
  void theRealEventStreamsPassThroughNginx() throws Exception {
    String session = Api.newSession();
    HttpResponse<String> accepted =
        send(
            post(
                    "/api/v1/documents",
                    "{\"title\": \"Tides\", \"text\": \"Spring tides follow the new and the full"
                        + " moon.\"}")
                .header(Api.SESSION, session)
                .header("Content-Type", "application/json"));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String job = Api.json(accepted).getString("id");

    // the job's progress, as the browser's EventSource reads it (session id in the query)
    List<String> jobEvents =
        eventNames(
            get("/api/v1/jobs/" + job + "/events?session_id=" + session)
                .header("Accept", "text/event-stream")
                .header("Accept-Encoding", "gzip"));
    assertThat(jobEvents).last().isEqualTo("done");

    // a streamed answer, as the page's fetch reads it
    List<String> answerEvents =
        eventNames(
            post("/api/v1/ask", "{\"question\": \"When do spring tides happen?\"}")
                .header(Api.SESSION, session)
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .header("Accept-Encoding", "gzip"));
    assertThat(answerEvents).first().isEqualTo("sources");
    assertThat(answerEvents).last().isIn("done", "error");
  }

  /** The event names of a stream that must be text/event-stream, uncompressed, through nginx. */
  private static List<String> eventNames(HttpRequest.Builder request) throws Exception {
    HttpResponse<Stream<String>> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
    assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
    try (Stream<String> lines = response.body()) {
      return lines.filter(l -> l.startsWith("event:")).map(l -> l.substring(6).strip()).toList();
    }
  }

  @Test
  void anInvalidSessionIdIsTheBackendsProblemUnchanged() {
    assertProblem(send(get("/api/v1/session/info").header(Api.SESSION, "../../etc")), 400);
  }

  @Test
  void theUiIsServedWithSecurityAndCachingHeadersAndCompressed() {
    HttpResponse<String> page = send(get("/"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<script type=\"module\" src=\"js/main.js\">");
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValue(WebUiHeaders.CONTENT_SECURITY_POLICY);
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(send(get("/config.js")).headers().firstValue("Cache-Control")).hasValue("no-store");

    HttpResponse<String> script = send(get("/js/api.js").header("Accept-Encoding", "gzip"));
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).contains("javascript"));
    assertThat(script.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(script.headers().firstValue("ETag")).isPresent();
  }

  @Test
  void theBrowserLibrariesComeFromTheBackendWithTheUisHeadersOnce() {
    HttpResponse<String> script =
        send(get("/vendor/marked/marked.esm.js").header("Accept-Encoding", "gzip"));

    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).contains("javascript"));
    assertThat(script.headers().allValues("Content-Security-Policy"))
        .containsExactly(WebUiHeaders.CONTENT_SECURITY_POLICY);
    assertThat(script.headers().allValues("Cache-Control")).containsExactly("no-cache");
    assertThat(script.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(send(get("/vendor/pdfjs/pdf.worker.min.mjs")).statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @CsvSource({"/health/ready", "/health/live", "/metrics", "/openapi", "/no-such-file.js"})
  void onlyTheApiIsProxied(String path) {
    assertThat(send(get(path)).statusCode()).isEqualTo(404);
    assertThat(send(get("/api/v1/health")).statusCode()).isEqualTo(200);
  }

  @Test
  void theOperatorEndpointsStayOnTheBackendPort() {
    assertThat(Api.get("/health/ready").statusCode()).isEqualTo(200);
    assertThat(Api.get("/metrics").statusCode()).isEqualTo(200);
  }

  @Test
  void anUploadOverNginxsLimitGetsA413ProblemBeforeItIsSent() {
    long size = 51L * 1024 * 1024; // nginx's client_max_body_size is 50m, the server's default
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(nginx.url("/api/v1/documents")))
            .timeout(Duration.ofSeconds(30))
            .expectContinue(true) // as curl does for large bodies: nginx refuses on the headers
            .header("Content-Type", "text/plain")
            .header(Api.SESSION, Api.newSession())
            .POST(HttpRequest.BodyPublishers.fromPublisher(zeros(size), size))
            .build();

    JsonObject problem = assertProblem(send(request), 413);

    assertThat(problem.getString("title")).isEqualTo("Payload too large");
    assertThat(problem.getString("detail")).contains("MAX_UPLOAD_MEGABYTES");
  }

  @Test
  void anUploadOverTheBackendsLowerLimitGetsTheBackendsProblem() {
    // the test server's MAX_UPLOAD_MEGABYTES is a few MB: its own 413 passes through nginx
    // unchanged
    byte[] body = new byte[10 * 1024 * 1024];
    HttpResponse<String> response =
        send(
            post("/api/v1/documents", "")
                .header("Content-Type", "text/plain")
                .header(Api.SESSION, Api.newSession())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

    JsonObject problem = assertProblem(response, 413);
    assertThat(problem.getString("detail")).containsPattern("the server's limit of \\d MB");
  }

  private static HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create(nginx.url(path)))
        .timeout(Duration.ofSeconds(60))
        .GET();
  }

  private static HttpRequest.Builder post(String path, String json) {
    return HttpRequest.newBuilder(URI.create(nginx.url(path)))
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    return send(request.build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code size} zero bytes, produced as they are sent (never held in memory at once). */
  private static java.util.concurrent.Flow.Publisher<java.nio.ByteBuffer> zeros(long size) {
    return HttpRequest.BodyPublishers.ofInputStream(
        () ->
            new InputStream() {
              long left = size;

              @Override
              public int read() {
                return left-- > 0 ? 0 : -1;
              }

              @Override
              public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                  return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
              }
            });
  }
}

package io.cogentx.it;

import static io.cogentx.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.plugins.loader.pdf.hostile.HostilePdfs;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The abuse limits on the third test server (guard-server.env: a 512 MB heap, 5 new sessions at
 * once per client then one per 10 s, 16 MB and 300 chunks per session, uploads slower than 8 KB/s
 * meant to be cut off after 3 s, new uploads refused above 60 % of the heap). Clients are told
 * apart by X-Forwarded-For, which the server believes from loopback (a trusted proxy by default).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AbuseLimitsIT {

  private static final String BASE =
      System.getProperty("it.guard.base.url", "http://127.0.0.1:18098");
  private static int clients;

  /** A client address of its own (TEST-NET-2), so each test has its own session allowance. */
  private static String newClient() {
    return "198.51.100." + (++clients);
  }

  private static HttpRequest.Builder request(String path, String client) {
    return HttpRequest.newBuilder(URI.create(BASE + path))
        .timeout(Duration.ofSeconds(120))
        .header("X-Forwarded-For", client);
  }

  private static HttpResponse<String> newSession(String client) {
    return Api.send(request("/api/v1/session/info", client).GET());
  }

  private static String sessionOf(String client) {
    return newSession(client).headers().firstValue(Api.SESSION).orElseThrow();
  }

  private static HttpResponse<String> addText(String client, String session, String text) {
    return Api.send(
        request("/api/v1/documents?wait=true", client)
            .header(Api.SESSION, session)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"title\": \"t\", \"text\": " + Api.quote(text) + "}")));
  }

  private static double refused(String limit) {
    Matcher m =
        Pattern.compile(
                "(?m)^limits_refused_total\\{[^}]*limit=\"" + limit + "\"[^}]*\\} ([0-9.eE+-]+)")
            .matcher(Api.send(HttpRequest.newBuilder(URI.create(BASE + "/metrics")).GET()).body());
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  @Test
  @Order(1)
  void oneClientCreatingSessionsIsSlowedDownAndNoOneElse() {
    String greedy = newClient();
    List<String> sessions = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> r = newSession(greedy);
      assertThat(r.statusCode()).isEqualTo(200);
      sessions.add(r.headers().firstValue(Api.SESSION).orElseThrow());
    }
    HttpResponse<String> sixth = newSession(greedy);
    JsonObject problem = assertProblem(sixth, 429);
    assertThat(problem.getString("detail")).contains("too many new sessions");
    assertThat(sixth.headers().firstValue("Retry-After").map(Long::parseLong))
        .hasValueSatisfying(s -> assertThat(s).isBetween(1L, 10L));
    // an unknown but valid id needs a new session too
    assertProblem(
        Api.send(
            request("/api/v1/session/info", greedy)
                .header(Api.SESSION, UUID.randomUUID().toString())
                .GET()),
        429);
    // the sessions it has keep working, and other clients are not affected
    assertThat(
            Api.send(
                    request("/api/v1/session/info", greedy)
                        .header(Api.SESSION, sessions.get(0))
                        .GET())
                .statusCode())
        .isEqualTo(200);
    assertThat(newSession(newClient()).statusCode()).isEqualTo(200);
    assertThat(refused("session_rate")).isGreaterThanOrEqualTo(2);
  }

  @Test
  @Order(2)
  void aSessionsUploadsAreBoundedInBytes() {
    String client = newClient();
    String session = sessionOf(client);
    String sixMegabytes = giantWords(new Random(6), 6 << 20); // few chunks, many bytes
    assertThat(addText(client, session, sixMegabytes).statusCode()).isEqualTo(201);
    assertThat(addText(client, session, sixMegabytes).statusCode()).isIn(201, 422);
    JsonObject problem = assertProblem(addText(client, session, sixMegabytes), 422);
    assertThat(problem.getString("reason")).isEqualTo("too-many-bytes");
    assertThat(problem.getString("detail")).contains("MAX_SESSION_MEGABYTES");
    assertThat(refused("bytes")).isGreaterThanOrEqualTo(1);
    Api.send(request("/api/v1/session", client).header(Api.SESSION, session).DELETE());
  }

  @Test
  @Order(3)
  void aTenThousandPageDocumentEndsAtTheChunkLimitInBoundedTime() throws IOException {
    String client = newClient();
    String session = sessionOf(client);
    byte[] pdf = HostilePdfs.manyPages(10_000);
    long started = System.nanoTime();
    HttpResponse<String> r =
        Api.send(
            request("/api/v1/documents?wait=true", client)
                .header(Api.SESSION, session)
                .header("Content-Type", "multipart/form-data; boundary=b0undary")
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart("long.pdf", pdf))));
    JsonObject problem = assertProblem(r, 422);
    assertThat(problem.getString("reason")).isEqualTo("too-many-chunks");
    assertThat(problem.getInt("limit")).isEqualTo(300);
    assertThat((System.nanoTime() - started) / 1e9).isLessThan(120);
  }

  @Test
  @Order(4)
  void aTrickledUploadIsCutOffWithinTheReadTimeout() throws IOException {
    URI base = URI.create(BASE);
    String client = newClient();
    String session = sessionOf(client);
    long started = System.nanoTime();
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/documents HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: "
                  + client
                  + "\r\nX-Session-Id: "
                  + session
                  + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
                  + "{\"text\": \"")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      for (int i = 0; i < 40 && in.available() == 0; i++) {
        try {
          out.write('a'); // one byte a second
          out.flush();
        } catch (IOException closed) {
          break;
        }
        Api.sleep(Duration.ofSeconds(1));
      }
      // What holds: the request ends at the endpoint's readTimeout (30 s, server.xml) with a 400.
      // The API's own rate check (408 after UPLOAD_RATE_GRACE_SECONDS) does not get to act:
      // Liberty's body stream returns from a read only once its buffer is full, so the check
      // never sees the trickle (limits_refused_total{limit="upload_rate"} stays 0).
      String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      assertThat(status).isIn("HTTP/1.1 408", "HTTP/1.1 400");
    }
    assertThat((System.nanoTime() - started) / 1e9).isLessThan(45);
    assertThat(newSession(newClient()).statusCode()).isEqualTo(200);
  }

  /**
   * Fills the heap with sessions of large documents until the guard refuses the next upload, checks
   * that existing sessions keep working, ends the sessions and sees uploads accepted again.
   */
  @Test
  @Order(5)
  void theMemoryGuardRefusesNewUploadsBeforeTheHeapRunsOutAndRecovers() {
    Random random = new Random(18);
    List<String[]> filled = new ArrayList<>();
    HttpResponse<String> refusal = null;
    for (int i = 0; i < 60 && refusal == null; i++) {
      String client = newClient();
      String session = sessionOf(client);
      filled.add(new String[] {client, session});
      for (int d = 0; d < 2 && refusal == null; d++) {
        HttpResponse<String> r = addText(client, session, giantWords(random, 7 << 20));
        if (r.statusCode() == 503) {
          refusal = r;
        } else {
          assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
      }
    }
    assertThat(refusal).as("the guard answered before 60 sessions were filled").isNotNull();
    JsonObject problem = assertProblem(refusal, 503);
    assertThat(problem.getString("detail")).contains("low on memory");
    assertThat(refusal.headers().firstValue("Retry-After")).isPresent();
    assertThat(refused("memory")).isGreaterThanOrEqualTo(1);
    assertThat(Api.send(request("/health/ready", "127.0.0.1").GET()).statusCode()).isEqualTo(200);

    // existing sessions keep working: search in the first one
    String[] first = filled.get(0);
    HttpResponse<String> search =
        Api.send(
            request("/api/v1/search", first[0])
                .header(Api.SESSION, first[1])
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"anything\"}")));
    assertThat(search.statusCode()).isEqualTo(200);

    for (String[] s : filled) {
      Api.send(request("/api/v1/session", s[0]).header(Api.SESSION, s[1]).DELETE());
    }
    String client = newClient();
    String session = sessionOf(client);
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    int status;
    do {
      Api.sleep(Duration.ofSeconds(2));
      status = addText(client, session, "After the flood the herons came back.").statusCode();
    } while (status == 503 && System.nanoTime() < deadline);
    assertThat(status).as("uploads accepted again once the sessions ended").isEqualTo(201);
  }

  /** Text of random "words" of 1,000 letters: few tokens to embed, much to hold. */
  private static String giantWords(Random random, int chars) {
    StringBuilder s = new StringBuilder(chars + 1000);
    while (s.length() < chars) {
      for (int i = 0; i < 1000; i++) {
        s.append((char) ('a' + random.nextInt(26)));
      }
      s.append(' ');
    }
    return s.toString();
  }

  private static byte[] multipart(String fileName, byte[] content) {
    byte[] head =
        ("--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "\r\n--b0undary--\r\n".getBytes(StandardCharsets.US_ASCII);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    return body;
  }
}

package io.cogentx.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * How soon a large document answers questions through the real server, and when it is fully
 * indexed: the 117-page IRS instructions are uploaded to a new session; from the moment the upload
 * is acknowledged (202, the bytes stored), {@code POST /api/v1/ask} is asked every 100 ms about a
 * fact on page 6 until the answer holds it (not an abstention), and the upload's job is polled
 * until it has indexed everything. Needs a running server (e.g. {@code bench/server.sh start})
 * answering extractively ({@code LLM_BACKEND=extractive}); it records which embedding model the
 * server uses.
 *
 * <p>{@code bench/run.sh FirstAnswerBench [--url=http://127.0.0.1:8000] [--rounds=3]
 * [--name=first-answer]}. Goals: first answer ≤ 3 s, fully indexed ≤ 10 s.
 */
public final class FirstAnswerBench {

  static final String FILE = "pdf/irs-i1040gi-2018.pdf";
  static final String QUESTION = "What is the standard deduction for single filers?";
  static final String FACT = "12,000";

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private FirstAnswerBench() {}

  public static void main(String[] args) throws Exception {
    BenchArgs a = BenchArgs.parse(args);
    String url = a.option("url", "http://127.0.0.1:8000");
    int rounds = a.intOption("rounds", 3);
    Path file = BenchArgs.dataDir(a.option("data", null)).resolve(FILE);
    if (!Files.isRegularFile(file)) {
      BenchArgs.skipped("FirstAnswerBench", file + " not found");
      return;
    }
    String model = activeEmbedder(url);
    List<Double> firstAnswer = new ArrayList<>();
    List<Double> fullyIndexed = new ArrayList<>();
    List<Integer> chunks = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      double[] r = round(url, file);
      firstAnswer.add(r[0]);
      fullyIndexed.add(r[1]);
      chunks.add((int) r[2]);
      System.out.printf(
          "round %d: first answer %.2f s, fully indexed %.2f s, %d chunks%n",
          round + 1, r[0], r[1], (int) r[2]);
    }
    double first = Stats.median(toArray(firstAnswer));
    double full = Stats.median(toArray(fullyIndexed));
    new BenchResult(a.option("name", "first-answer"))
        .put("file", FILE)
        .put("question", QUESTION)
        .put("fact", FACT)
        .put("embedding_model", model)
        .put("rounds", rounds)
        .put("first_answer_s", firstAnswer)
        .put("fully_indexed_s", fullyIndexed)
        .put("chunks", chunks)
        .put("first_answer_s_median", Stats.round(first, 2))
        .put("fully_indexed_s_median", Stats.round(full, 2))
        .put("goal_first_answer_s", 3)
        .put("goal_fully_indexed_s", 10)
        .write(
            String.format(
                "FirstAnswerBench (%s): first answer %.2f s (goal <= 3), fully indexed %.2f s (goal"
                    + " <= 10), median of %d",
                model, first, full, rounds));
  }

  /** One upload: seconds to the first right answer, to fully indexed, and the chunks indexed. */
  private static double[] round(String url, Path file) throws Exception {
    String session = UUID.randomUUID().toString();
    String boundary = "bench" + UUID.randomUUID().toString().replace("-", "");
    byte[] body = multipart(boundary, file);
    HttpResponse<String> upload =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url + "/api/v1/documents"))
                .header("X-Session-Id", session)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    long start = System.nanoTime();
    if (upload.statusCode() != 202) {
      throw new IllegalStateException("upload: " + upload.statusCode() + " " + upload.body());
    }
    String job = json(upload.body()).getString("id");
    double first = -1;
    double full = -1;
    int indexed = 0;
    while (first < 0 || full < 0) {
      double now = (System.nanoTime() - start) / 1e9;
      if (now > 300) {
        throw new IllegalStateException("not answered and indexed within 5 minutes");
      }
      if (first < 0) {
        JsonObject reply = ask(url, session);
        if (!reply.getBoolean("abstained", true) && holdsTheFact(reply)) {
          first = (System.nanoTime() - start) / 1e9;
        }
      }
      if (full < 0) {
        JsonObject state = get(url + "/api/v1/jobs/" + job, session);
        switch (state.getString("state")) {
          case "succeeded" -> {
            full = (System.nanoTime() - start) / 1e9;
            indexed = state.getJsonObject("document").getInt("chunks");
          }
          case "failed", "cancelled" -> throw new IllegalStateException("job " + state);
          default -> {
            // still running
          }
        }
      }
      Thread.sleep(100);
    }
    HTTP.send(
        HttpRequest.newBuilder(URI.create(url + "/api/v1/session"))
            .header("X-Session-Id", session)
            .DELETE()
            .build(),
        HttpResponse.BodyHandlers.discarding());
    return new double[] {first, full, indexed};
  }

  /**
   * Whether an answer gives the fact: in its text, or in a passage it cites (an extractive answer
   * may quote the sentence before the one with the figure, citing the passage that holds it).
   */
  static boolean holdsTheFact(JsonObject reply) {
    if (reply.getString("answer", "").contains(FACT)) {
      return true;
    }
    return reply.containsKey("citations")
        && reply.getJsonArray("citations").getValuesAs(JsonObject.class).stream()
            .anyMatch(c -> c.getString("text", "").contains(FACT));
  }

  private static JsonObject ask(String url, String session) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url + "/api/v1/ask"))
                .header("X-Session-Id", session)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Json.createObjectBuilder().add("question", QUESTION).build().toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return r.statusCode() == 200 ? json(r.body()) : Json.createObjectBuilder().build();
  }

  private static JsonObject get(String uri, String session) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(uri)).GET();
    if (session != null) {
      r.header("X-Session-Id", session);
    }
    return json(HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString()).body());
  }

  /** The embedding model the server uses, from {@code GET /api/v1/plugins}. */
  private static String activeEmbedder(String url) throws Exception {
    for (JsonObject e :
        get(url + "/api/v1/plugins", null)
            .getJsonObject("kinds")
            .getJsonArray("embedders")
            .getValuesAs(JsonObject.class)) {
      if (e.getBoolean("active", false)) {
        return e.getString("name");
      }
    }
    return "unknown";
  }

  private static byte[] multipart(String boundary, Path file) throws Exception {
    var out = new java.io.ByteArrayOutputStream();
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + file.getFileName()
            + "\"\r\nContent-Type: application/pdf\r\n\r\n";
    out.write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    out.write(Files.readAllBytes(file));
    out.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static JsonObject json(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}

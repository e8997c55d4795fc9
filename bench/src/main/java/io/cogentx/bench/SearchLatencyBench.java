package io.cogentx.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Latency of {@code POST /api/v1/search} over HTTP with 32 concurrent clients on a session holding
 * about 10,000 chunks.
 *
 * <p>The bench creates a session (a random UUID v4 in {@code X-Session-Id}) and adds documents with
 * {@code POST /api/v1/documents?wait=true} ({@code {"title", "text"}}) until the session holds at
 * least {@code --chunks} chunks: the SQuAD dev articles in parts of up to 60 paragraphs, then
 * SciFact abstracts in groups of 100 (title line and abstract, blank line between), then further
 * copies of the SQuAD parts with "(copy n)" in the title if still short. Then {@code --clients}
 * threads, each with its requests in sequence (a closed loop), send SQuAD questions as {@code
 * {"query", "k": 5, "mode": "hybrid"}}: first {@code --warmup} requests, then {@code --requests}
 * timed ones. The session is deleted at the end, unless it was given with {@code --session=ID}: a
 * session named so is filled only if it holds fewer than {@code --chunks} chunks, and kept, so that
 * further runs can reuse it.
 *
 * <p>Run with {@code bench/run.sh SearchLatencyBench [BASE_URL] [DATA_DIR] [--clients=32]
 * [--requests=3000] [--warmup=10000] [--chunks=10000] [--k=5] [--mode=hybrid] [--session=ID]
 * [--rates=50,100,150] [--name=search-latency]}; BASE_URL defaults to http://127.0.0.1:8000. Start
 * the server first, e.g. with {@code bench/server.sh start}. A reused session reports no ingest
 * rate (nothing was ingested in this run). Timing starts once the session has embedded every chunk
 * (its info shows no {@code indexing}).
 *
 * <p>With {@code --server-pid=PID} (e.g. {@code $(cat
 * bench/target/liberty/wlp/usr/servers/.pid/bench.pid)}) the closed loop also reports the CPU time
 * the server and this load generator spent per search: both share the machine's cores, so {@code
 * cores × 1000 / server CPU ms} is what the server alone could serve. {@code
 * --server-settings=TEXT} records how the server was started (e.g. {@code
 * EMBEDDING_QUERY_ENCODER=int8}). The warm-up is long (3,000 searches) because a freshly started
 * server's JIT is still compiling the search path after a few hundred.
 */
public final class SearchLatencyBench {

  private static final String NAME = "SearchLatencyBench";
  private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration SEARCH_TIMEOUT = Duration.ofSeconds(60);
  private static final int GOAL_P99_MS = 50;
  private static final int OPEN_LOOP_SECONDS = 15;

  private SearchLatencyBench() {}

  public static void main(String[] args) throws Exception {
    BenchArgs a = BenchArgs.parse(args);
    URI base = URI.create(a.positional(0, "http://127.0.0.1:8000").replaceAll("/+$", "") + "/");
    Path data = BenchArgs.dataDir(a.positional(1, null));
    int clients = a.intOption("clients", 32);
    int requests = a.intOption("requests", 3000);
    int warmup = a.intOption("warmup", 10_000);
    int targetChunks = a.intOption("chunks", 10_000);
    int k = a.intOption("k", 5);
    String mode = a.option("mode", "hybrid");
    String session = a.option("session", null);
    String serverPidOption = a.option("server-pid", null);
    String serverSettings = a.option("server-settings", "not stated");
    Long serverPid = serverPidOption == null ? null : Long.valueOf(serverPidOption.strip());
    String name = a.option("name", "search-latency");
    List<Integer> rates =
        Arrays.stream(a.option("rates", "50,100,150").split(","))
            .filter(r -> !r.isBlank())
            .map(r -> Integer.parseInt(r.strip()))
            .toList();
    if (!Files.isRegularFile(data.resolve(SquadData.FILE))) {
      BenchArgs.skipped(
          NAME, "SQuAD not found under " + data.toAbsolutePath() + " (pass BASE_URL DATA_DIR)");
      return;
    }

    try (HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build()) {
      bench(
          http,
          base,
          data,
          clients,
          requests,
          warmup,
          targetChunks,
          k,
          mode,
          session,
          rates,
          name,
          serverPid,
          serverSettings);
    }
  }

  private static void bench(
      HttpClient http,
      URI base,
      Path data,
      int clients,
      int requests,
      int warmup,
      int targetChunks,
      int k,
      String mode,
      String session,
      List<Integer> rates,
      String name,
      Long serverPid,
      String serverSettings)
      throws Exception {
    boolean reuse = session != null;
    Api api = new Api(http, base, reuse ? session : UUID.randomUUID().toString());
    try {
      String problem = api.probe();
      if (problem != null) {
        BenchArgs.skipped(NAME, problem);
        return;
      }
    } catch (ConnectException e) {
      BenchArgs.skipped(NAME, "no server at " + base + " (start one, e.g. ./run.sh)");
      return;
    }

    SquadData squad = SquadData.read(data);
    List<SciFactData.Abstract> scifact =
        Files.isRegularFile(data.resolve(SciFactData.CORPUS)) ? SciFactData.read(data) : List.of();
    long ingestStart = System.nanoTime();
    int held = reuse ? api.chunks() : 0;
    boolean reused = held >= targetChunks;
    Ingested ingested =
        reused
            ? new Ingested(held, api.documents(), "reused session (" + held + " chunks)")
            : ingest(api, squad, scifact, targetChunks);
    double ingestSeconds = (System.nanoTime() - ingestStart) / 1e9;
    if (reused) {
      System.err.printf(
          "%s: reusing the session's %,d chunks in %d documents (nothing ingested)%n",
          NAME, ingested.chunks(), ingested.documents());
    } else {
      System.err.printf(
          "%s: %,d chunks in %d documents added in %.0f s (%.1f chunks/s)%n",
          NAME,
          ingested.chunks(),
          ingested.documents(),
          ingestSeconds,
          ingested.chunks() / ingestSeconds);
    }

    List<String> drawn = squad.questions(Integer.MAX_VALUE, 11);
    if (drawn.size() <= requests) {
      throw new IllegalArgumentException(
          "--requests must be below the " + drawn.size() + " SQuAD questions");
    }
    // the warm-up cycles through distinct questions of its own; the timed ones come after them
    int warmupPool = Math.max(1, Math.min(warmup, drawn.size() - requests));
    List<String> warmupQueries = new ArrayList<>(warmup);
    for (int i = 0; i < warmup; i++) {
      warmupQueries.add(drawn.get(i % warmupPool));
    }
    List<String> timedQueries = drawn.subList(warmupPool, warmupPool + requests);
    try {
      int pending = api.awaitIndexed(UPLOAD_TIMEOUT);
      if (pending > 0) {
        throw new IOException(
            "the session still had " + pending + " chunks to embed after " + UPLOAD_TIMEOUT);
      }
      run(api, warmupQueries, clients, k, mode, 0);
      long serverCpu = serverPid == null ? 0 : ProcessCpu.nanos(serverPid);
      long ownCpu = ProcessCpu.ownNanos();
      long start = System.nanoTime();
      Run timed = run(api, timedQueries, clients, k, mode, 0);
      double wall = (System.nanoTime() - start) / 1e9;
      double clientCpuMs = (ProcessCpu.ownNanos() - ownCpu) / 1e6 / requests;
      double serverCpuMs =
          serverPid == null
              ? Double.NaN
              : (ProcessCpu.nanos(serverPid) - serverCpu) / 1e6 / requests;
      double[] ms = timed.millis();
      double p50 = Stats.percentile(ms, 50);
      double p95 = Stats.percentile(ms, 95);
      double p99 = Stats.percentile(ms, 99);
      double max = Stats.max(ms);
      List<Map<String, Object>> curve = new ArrayList<>();
      int bestRate = 0;
      for (int rate : rates) {
        int n = Math.max(300, rate * OPEN_LOOP_SECONDS);
        List<String> qs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          qs.add(timedQueries.get(i % requests));
        }
        long t0 = System.nanoTime();
        Run open = run(api, qs, clients, k, mode, rate);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double[] lat = open.millis();
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("offered_per_s", rate);
        point.put("achieved_per_s", Stats.round(n / seconds, 1));
        point.put("requests", n);
        point.put("p50_ms", Stats.round(Stats.percentile(lat, 50), 2));
        point.put("p99_ms", Stats.round(Stats.percentile(lat, 99), 2));
        point.put("errors", open.errors());
        curve.add(point);
        System.err.printf("%s: open loop %d/s: %s%n", NAME, rate, point);
        if (Stats.percentile(lat, 99) <= GOAL_P99_MS && open.errors() == 0) {
          bestRate = Math.max(bestRate, rate);
        }
      }
      BenchResult result =
          new BenchResult(name)
              .put("base_url", base.toString())
              .put("server_settings", serverSettings)
              .put("session_chunks", ingested.chunks())
              .put("session_documents", ingested.documents())
              .put("corpus", ingested.description());
      if (reused) {
        result.put("ingest", "none: the session was filled by an earlier run and reused");
      } else {
        result
            .put("ingest_s", Stats.round(ingestSeconds, 1))
            .put(
                "ingest_chunks_per_s_over_http", Stats.round(ingested.chunks() / ingestSeconds, 1));
      }
      result
          .put("clients", clients)
          .put("requests", requests)
          .put("warmup_requests", warmup)
          .put("k", k)
          .put("mode", mode)
          .put("queries", "SQuAD dev questions, seeded random draw")
          .put("errors", timed.errors())
          .put("p50_ms", Stats.round(p50, 2))
          .put("p95_ms", Stats.round(p95, 2))
          .put("p99_ms", Stats.round(p99, 2))
          .put("max_ms", Stats.round(max, 2))
          .put("mean_ms", Stats.round(Stats.mean(ms), 2))
          .put("throughput_per_s", Stats.round(requests / wall, 1))
          .put("goal_p99_ms", GOAL_P99_MS)
          .put("load_generator_cpu_ms_per_search", Stats.round(clientCpuMs, 2));
      int cores = Runtime.getRuntime().availableProcessors();
      if (serverPid != null) {
        result
            .put("server_cpu_ms_per_search", Stats.round(serverCpuMs, 2))
            .put(
                "server_alone_capacity_per_s",
                Map.of(
                    "value",
                    Stats.round(cores * 1000 / serverCpuMs, 0),
                    "method",
                    "cores x 1000 / server CPU ms per search in the closed loop: what the"
                        + " server could serve if the load generator ran on other cores"));
      }
      result
          .put(
              "open_loop",
              Map.of(
                  "method",
                  "requests scheduled at a fixed total rate over the same clients; latency from"
                      + " each request's scheduled time, so time queued behind busy clients counts",
                  "points",
                  curve,
                  "highest_offered_rate_with_p99_within_goal",
                  bestRate))
          .write(
              String.format(
                  "POST /api/v1/search (%s, k=%d), %d clients, %,d chunks: p50 %.1f ms, p95 %.1f"
                      + " ms, p99 %.1f ms (goal <= 50), max %.1f ms, %.0f requests/s, %d errors;"
                      + " open loop: p99 <= 50 ms up to %d requests/s offered (of %s tried);"
                      + " CPU per search: %s load generator %.2f ms",
                  mode,
                  k,
                  clients,
                  ingested.chunks(),
                  p50,
                  p95,
                  p99,
                  max,
                  requests / wall,
                  timed.errors(),
                  bestRate,
                  rates,
                  serverPid == null ? "" : String.format("server %.2f ms,", serverCpuMs),
                  clientCpuMs));
    } finally {
      if (!reuse) {
        api.deleteSession();
      }
    }
  }

  /** What was added to the session. */
  private record Ingested(int chunks, int documents, String description) {}

  private static Ingested ingest(
      Api api, SquadData squad, List<SciFactData.Abstract> scifact, int target)
      throws IOException, InterruptedException {
    int chunks = 0;
    List<LatencyCorpus.Doc> added = new ArrayList<>();
    for (LatencyCorpus.Doc d : LatencyCorpus.documents(squad, scifact, 10)) {
      if (chunks >= target) {
        break;
      }
      chunks += api.addDocument(d.title(), d.text());
      added.add(d);
    }
    return new Ingested(chunks, added.size(), LatencyCorpus.describe(added));
  }

  /** Latencies of one run, in request order, and the number of failed requests. */
  private record Run(double[] millis, int errors) {}

  /**
   * Sends the queries from {@code clients} threads. With {@code rate} 0, a closed loop: each thread
   * takes the next query when its last returns. Otherwise an open loop: request {@code i} is due
   * {@code i / rate} seconds after the start, the threads take the requests in order, each waiting
   * until its request is due, and a request's latency runs from when it was due, so a burst that
   * finds every client busy shows in the figures (no coordinated omission).
   */
  private static Run run(Api api, List<String> queries, int clients, int k, String mode, int rate)
      throws Exception {
    double[] millis = new double[queries.size()];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    long start = System.nanoTime() + 50_000_000L;
    double intervalNanos = rate > 0 ? 1e9 / rate : 0;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        workers.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement();
                      i < queries.size();
                      i = next.getAndIncrement()) {
                    long due = rate > 0 ? start + (long) (i * intervalNanos) : System.nanoTime();
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    boolean ok = api.search(queries.get(i), k, mode);
                    millis[i] = (System.nanoTime() - due) / 1e6;
                    if (!ok) {
                      errors.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> w : workers) {
        w.get();
      }
    } finally {
      pool.shutdown();
    }
    return new Run(millis, errors.get());
  }

  /** The few calls of the server's API the bench makes, all in one session. */
  private static final class Api {

    private final HttpClient http;
    private final URI base;
    private final String session;

    Api(HttpClient http, URI base, String session) {
      this.http = http;
      this.base = base;
      this.session = session;
    }

    /**
     * Null if the search endpoint answers a query on the (empty) session with 200 and a results
     * list; otherwise what is wrong.
     */
    String probe() throws IOException, InterruptedException {
      HttpResponse<String> r = post("api/v1/search", searchJson("probe", 5, "hybrid"), 30);
      if (r.statusCode() != 200) {
        return "the server at "
            + base
            + " has no working search API (POST /api/v1/search → HTTP "
            + r.statusCode()
            + ")";
      }
      if (!r.body().contains("\"results\"")) {
        return "POST /api/v1/search at " + base + " does not answer with a results list";
      }
      return null;
    }

    /**
     * Waits until the session has embedded every chunk (no {@code indexing} in its info) or {@code
     * timeout} passes; returns the chunks still pending, 0 when done.
     */
    int awaitIndexed(Duration timeout) throws IOException, InterruptedException {
      long end = System.nanoTime() + timeout.toNanos();
      while (true) {
        JsonObject info = info();
        int pending =
            info.containsKey("indexing")
                ? info.getJsonObject("indexing").getInt("chunks_pending", 0)
                : 0;
        if (pending == 0 || System.nanoTime() > end) {
          return pending;
        }
        System.err.printf("%s: waiting for %d chunks to be embedded%n", NAME, pending);
        Thread.sleep(2_000);
      }
    }

    int chunks() throws IOException, InterruptedException {
      return info().getInt("total_chunks");
    }

    int documents() throws IOException, InterruptedException {
      return info().getInt("total_documents");
    }

    private JsonObject info() throws IOException, InterruptedException {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(base.resolve("api/v1/session/info"))
                  .header("X-Session-Id", session)
                  .header("Accept", "application/json")
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      try (JsonReader json = Json.createReader(new StringReader(r.body()))) {
        return json.readObject();
      }
    }

    /** Adds a text document; returns its number of chunks. */
    int addDocument(String title, String text) throws IOException, InterruptedException {
      String body =
          Json.createObjectBuilder().add("title", title).add("text", text).build().toString();
      HttpResponse<String> r = post("api/v1/documents?wait=true", body, UPLOAD_TIMEOUT.toSeconds());
      if (r.statusCode() != 201) {
        throw new IOException(
            "POST /api/v1/documents → HTTP " + r.statusCode() + ": " + abbreviate(r.body()));
      }
      try (JsonReader json = Json.createReader(new StringReader(r.body()))) {
        JsonObject doc = json.readObject();
        return doc.getInt("chunks");
      }
    }

    boolean search(String query, int k, String mode) {
      try {
        HttpResponse<String> r =
            post("api/v1/search", searchJson(query, k, mode), SEARCH_TIMEOUT.toSeconds());
        return r.statusCode() == 200 && r.body().contains("\"results\"");
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }

    void deleteSession() {
      try {
        http.send(
            HttpRequest.newBuilder(base.resolve("api/v1/session"))
                .header("X-Session-Id", session)
                .timeout(Duration.ofSeconds(30))
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.discarding());
      } catch (IOException e) {
        System.err.println(NAME + ": could not delete the session: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private HttpResponse<String> post(String path, String json, long timeoutSeconds)
        throws IOException, InterruptedException {
      HttpRequest request =
          HttpRequest.newBuilder(base.resolve(path))
              .header("Content-Type", "application/json")
              .header("Accept", "application/json")
              .header("X-Session-Id", session)
              .timeout(Duration.ofSeconds(timeoutSeconds))
              .POST(HttpRequest.BodyPublishers.ofString(json))
              .build();
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String searchJson(String query, int k, String mode) {
      return Json.createObjectBuilder()
          .add("query", query)
          .add("k", k)
          .add("mode", mode)
          .build()
          .toString();
    }

    private static String abbreviate(String s) {
      return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
  }
}

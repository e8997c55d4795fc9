package io.cogentx.bench;

import io.cogentx.plugins.generator.ollama.OllamaDouble;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The soak: a real server (bench/soak-server.sh, loopback only) under {@code --clients} clients for
 * {@code --minutes}, each looping through a session's life — create, upload a text and a PDF, wait
 * for the jobs, search, ask (streamed and JSON, answered by the Ollama protocol double in this JVM,
 * or extractively while the double fails and the breaker is open, or abstaining), then delete the
 * session or abandon it to expire (SESSION_TIMEOUT_HOURS is 72 s here). Reports throughput and
 * p50/p99 per endpoint, errors, canary misses and leaks, and the server's heap after GC, open file
 * descriptors, threads, spooled and kept files and child processes at the start (after a warm-up
 * session per client) and at the end, once every session has ended. Bounded: the clients stop at
 * the deadline, the bench then stops the server.
 *
 * <p>{@code bench/run.sh SoakBench [--port=20810] [--clients=32] [--minutes=10] [--data=DIR]}
 */
public final class SoakBench {

  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
  private static final Pattern STATE = Pattern.compile("\"state\":\"([a-z]+)\"");
  private static final Pattern BACKEND = Pattern.compile("\"backend\":\"([a-z]+)\"");
  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

  /** A session's canary: a word no other text contains, unique per session. */
  private static final Pattern CANARY = Pattern.compile("cnry[0-9a-f]{12}");

  private static final List<String> PDFS =
      List.of(
          "scotus-transcript-p1.pdf",
          "google-doc-document.pdf",
          "senate-expenditures.pdf",
          "multicolumn.pdf");
  private static final String[] TOPICS = {
    "herons", "lighthouses", "glaciers", "orchards", "comets", "violins", "bridges", "tides"
  };

  private final String base;
  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
  private final List<String> errorSamples =
      java.util.Collections.synchronizedList(new ArrayList<>());
  private final Map<String, AtomicInteger> backends = new ConcurrentHashMap<>();
  private final AtomicInteger deleted = new AtomicInteger();
  private final AtomicInteger abandoned = new AtomicInteger();
  private final AtomicInteger canaryMisses = new AtomicInteger();
  private final AtomicInteger leaks = new AtomicInteger();
  private final Map<String, byte[]> pdfs = new LinkedHashMap<>();

  private SoakBench(int port, Path data) throws IOException {
    this.port = port;
    this.base = "http://127.0.0.1:" + port;
    for (String name : PDFS) {
      pdfs.put(name, Files.readAllBytes(data.resolve("pdf").resolve(name)));
    }
  }

  public static void main(String[] args) throws Exception {
    BenchArgs a = BenchArgs.parse(args);
    int port = a.intOption("port", 20810);
    int clients = a.intOption("clients", 32);
    double minutes = Double.parseDouble(a.option("minutes", "10"));
    Path data = BenchArgs.dataDir(a.option("data", null));
    SoakBench bench = new SoakBench(port, data);
    try (OllamaDouble ollama = OllamaDouble.start(port + 1)) {
      ollama.reply("The notes say so [1].").delay(Duration.ofMillis(20));
      Path env = Files.createTempFile("soak", ".env");
      Files.writeString(
          env,
          String.join(
              "\n",
              "OLLAMA_BASE_URL=" + ollama.baseUrl(),
              "LLM_BACKEND=ollama",
              "OLLAMA_TIMEOUT_SECONDS=10",
              "LLM_BREAKER_DELAY_SECONDS=10",
              "SESSION_TIMEOUT_HOURS=0.02",
              "SESSION_CLEANUP_INTERVAL_MINUTES=0.1",
              "SESSION_CREATE_PER_MINUTE=0",
              ""));
      long pid = startServer(port, env);
      try {
        bench.run(pid, clients, minutes, ollama);
      } finally {
        run("bench/soak-server.sh", "stop");
        Files.deleteIfExists(env);
      }
    }
  }

  private void run(long pid, int clients, double minutes, OllamaDouble ollama) throws Exception {
    Path serverDir = Path.of("bench/target/liberty/wlp/usr/servers/soak");
    warmUp(clients);
    String load = Files.readString(Path.of("/proc/loadavg")).strip();
    Map<String, Object> start = resources(pid, serverDir);
    System.out.println("start: " + start + " load " + load);

    long deadline = System.nanoTime() + (long) (minutes * 60e9);
    long began = System.nanoTime();
    CountDownLatch done = new CountDownLatch(clients);
    List<Map<String, Object>> samples = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int c = 0; c < clients; c++) {
      int client = c;
      Thread.ofPlatform()
          .name("soak-client-" + c)
          .start(
              () -> {
                try {
                  client(client, deadline);
                } finally {
                  done.countDown();
                }
              });
    }
    // the Ollama double fails for 20 s in every 2 minutes: the breaker opens, answers go extractive
    Thread sampler =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  int tick = 0;
                  while (done.getCount() > 0) {
                    sleep(Duration.ofSeconds(10));
                    tick++;
                    ollama.mode(
                        tick % 12 == 6 || tick % 12 == 7
                            ? OllamaDouble.Mode.ERROR
                            : OllamaDouble.Mode.NORMAL);
                    if (tick % 3 == 0) {
                      Map<String, Object> s = resources(pid, serverDir);
                      s.put("t_s", tick * 10);
                      s.put("load", loadAverage());
                      samples.add(s);
                      System.out.println("t=" + tick * 10 + "s " + s);
                    }
                  }
                });
    done.await();
    double seconds = (System.nanoTime() - began) / 1e9;
    sampler.join(15_000);
    ollama.mode(OllamaDouble.Mode.NORMAL);
    String loadAtEnd = loadAverage();

    // every session ends: the abandoned ones expire (72 s idle, cleanup every 6 s)
    long quietUntil = System.nanoTime() + Duration.ofSeconds(150).toNanos();
    int active = -1;
    while (System.nanoTime() < quietUntil) {
      active = activeSessions();
      if (active == 0) {
        break;
      }
      sleep(Duration.ofSeconds(5));
    }
    Map<String, Object> end = resources(pid, serverDir);
    end.put("sessions_active", active);
    System.out.println("end: " + end);

    BenchResult result = new BenchResult("soak");
    result.put(
        "command",
        "bench/run.sh SoakBench --port="
            + port
            + " --clients="
            + clients
            + " --minutes="
            + minutes);
    result.put("commit", commit());
    result.put("clients", clients);
    result.put("seconds", Stats.round(seconds, 1));
    result.put("load_average_at_start", load);
    result.put("load_average_at_end", loadAtEnd);
    Map<String, Object> endpoints = new LinkedHashMap<>();
    long requests = 0;
    int errorCount = 0;
    for (String endpoint : new java.util.TreeSet<>(latencies.keySet())) {
      double[] ms = latencies.get(endpoint).stream().mapToDouble(n -> n / 1e6).toArray();
      int e = errors.getOrDefault(endpoint, new AtomicInteger()).get();
      requests += ms.length;
      errorCount += e;
      endpoints.put(
          endpoint,
          Map.of(
              "requests", ms.length,
              "per_second", Stats.round(ms.length / seconds, 2),
              "p50_ms", Stats.round(Stats.percentile(ms, 50), 1),
              "p99_ms", Stats.round(Stats.percentile(ms, 99), 1),
              "errors", e));
    }
    result.put("requests", requests);
    result.put("requests_per_second", Stats.round(requests / seconds, 1));
    result.put("errors", errorCount);
    result.put(
        "error_samples",
        String.join(" | ", errorSamples.subList(0, Math.min(10, errorSamples.size()))));
    result.put("endpoints", endpoints);
    result.put("answers_by_backend", new LinkedHashMap<>(Map.copyOf(toInts(backends))));
    result.put("sessions_deleted", deleted.get());
    result.put("sessions_abandoned_to_expire", abandoned.get());
    result.put("canary_misses", canaryMisses.get());
    result.put("cross_session_leaks", leaks.get());
    result.put("start", start);
    result.put("end", end);
    long heapStart = ((Number) start.get("heap_after_gc_mb")).longValue();
    long heapEnd = ((Number) end.get("heap_after_gc_mb")).longValue();
    result.put("heap_change_percent", Stats.round(100.0 * (heapEnd - heapStart) / heapStart, 1));
    result.put("samples", samplesJson(samples));
    result.write(
        String.format(
            "%d clients, %.0f s: %d requests (%.1f/s), %d errors, heap after GC %d → %d MB, fds %s → %s,"
                + " threads %s → %s, files %s → %s, children %s → %s (load %s)",
            clients,
            seconds,
            requests,
            requests / seconds,
            errorCount,
            heapStart,
            heapEnd,
            start.get("open_fds"),
            end.get("open_fds"),
            start.get("threads"),
            end.get("threads"),
            start.get("spooled_and_kept_files"),
            end.get("spooled_and_kept_files"),
            start.get("child_processes"),
            end.get("child_processes"),
            load));
  }

  /**
   * Every client lives through one session that it deletes, before the start is measured: the heap
   * at the start then holds what the server keeps once used (lazily built parts, pools), not the
   * state of a server that has not served anything yet. Not counted in the results.
   */
  private void warmUp(int clients) throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      threads.add(
          Thread.ofPlatform().start(() -> session(new Random(-1 - client), "warm-up", false)));
    }
    for (Thread t : threads) {
      t.join();
    }
    System.out.println("warm-up: " + clients + " sessions, errors " + errors);
    latencies.clear();
    errors.clear();
    errorSamples.clear();
    backends.clear();
    deleted.set(0);
    canaryMisses.set(0);
    leaks.set(0);
  }

  /** One client's loop: a whole session's life per round, until the deadline. */
  private void client(int client, long deadline) {
    Random random = new Random(client);
    int round = 0;
    while (System.nanoTime() < deadline) {
      round++;
      try {
        session(random, client + "-" + round, true);
      } catch (RuntimeException e) {
        error("client", e.toString());
      }
    }
  }

  private void session(Random random, String name, boolean mayAbandon) {
    HttpResponse<String> created = call("session_create", get("/api/v1/session/info", null), 200);
    if (created == null) {
      return;
    }
    String session = created.headers().firstValue("X-Session-Id").orElseThrow();
    String topic = TOPICS[random.nextInt(TOPICS.length)];
    String canary = "cnry" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String text = notes(topic, canary, random);
    List<String> jobs = new ArrayList<>();
    job(
        call(
            "upload_text",
            upload(session, topic + ".txt", "text/plain", text.getBytes(StandardCharsets.UTF_8)),
            202),
        jobs);
    String pdf = PDFS.get(random.nextInt(PDFS.size()));
    job(call("upload_pdf", upload(session, pdf, "application/pdf", pdfs.get(pdf)), 202), jobs);
    for (String job : jobs) {
      awaitJob(session, job);
    }
    for (int q = 0; q < 3; q++) {
      HttpResponse<String> found =
          call(
              "search",
              post(
                  session,
                  "/api/v1/search",
                  "{\"query\": \"" + canary + "\", \"mode\": \"keyword\"}"),
              200);
      if (found != null) {
        if (!found.body().contains(canary)) {
          canaryMisses.incrementAndGet();
        }
        Matcher other = CANARY.matcher(found.body());
        while (other.find()) {
          if (!other.group().equals(canary)) {
            leaks.incrementAndGet(); // another session's canary
            break;
          }
        }
      }
      String question =
          switch (q) {
            case 0 -> "What is said about " + topic + "?";
            case 1 -> "Which word is the " + topic + " canary?";
            default -> "How do submarines navigate under polar ice?"; // off-topic: abstains
          };
      if (random.nextBoolean()) {
        HttpResponse<String> asked =
            call(
                "ask_json",
                post(session, "/api/v1/ask", "{\"question\": \"" + question + "\"}"),
                200);
        backend(asked);
      } else {
        HttpRequest.Builder r =
            post(session, "/api/v1/ask", "{\"question\": \"" + question + "\"}")
                .header("Accept", "text/event-stream");
        HttpResponse<String> streamed = call("ask_stream", r, 200);
        if (streamed != null && !streamed.body().contains("event: done")) {
          error("ask_stream", "no done event: " + clip(streamed.body()));
        }
        backend(streamed);
      }
    }
    call("documents_list", get("/api/v1/documents", session), 200);
    if (!mayAbandon || random.nextInt(3) > 0) {
      if (call("session_delete", request("/api/v1/session", session).DELETE(), 204) != null) {
        deleted.incrementAndGet();
      }
    } else {
      abandoned.incrementAndGet(); // expires after SESSION_TIMEOUT_HOURS
    }
  }

  private void backend(HttpResponse<String> response) {
    if (response == null) {
      return;
    }
    Matcher m = BACKEND.matcher(response.body());
    String backend = "unknown";
    while (m.find()) {
      backend = m.group(1); // the last one: the done event's
    }
    backends.computeIfAbsent(backend, b -> new AtomicInteger()).incrementAndGet();
  }

  private void job(HttpResponse<String> accepted, List<String> jobs) {
    if (accepted != null) {
      Matcher m = ID.matcher(accepted.body());
      if (m.find()) {
        jobs.add(m.group(1));
      }
    }
  }

  private void awaitJob(String session, String job) {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = call("job_poll", get("/api/v1/jobs/" + job, session), 200);
      if (r == null) {
        return;
      }
      Matcher m = STATE.matcher(r.body());
      String state = m.find() ? m.group(1) : "?";
      if (state.equals("succeeded")) {
        return;
      }
      if (!state.equals("queued") && !state.equals("running")) {
        error("job", state + ": " + clip(r.body()));
        return;
      }
      sleep(Duration.ofMillis(500));
    }
    error("job", "not done in 5 minutes");
  }

  private static String notes(String topic, String canary, Random random) {
    StringBuilder s = new StringBuilder();
    s.append("Field notes on ").append(topic).append(".\n\n");
    s.append("The ").append(topic).append(" canary word is ").append(canary).append(".\n\n");
    for (int p = 0; p < 6; p++) {
      s.append("Observation ").append(p + 1).append(": the ").append(topic);
      s.append(" were seen ").append(1 + random.nextInt(40)).append(" times near the old mill, ");
      s.append("and the weather was ").append(random.nextBoolean() ? "calm" : "windy");
      s.append(". Notes were kept in a blue notebook for later comparison.\n\n");
    }
    return s.toString();
  }

  private HttpResponse<String> call(String endpoint, HttpRequest.Builder request, int expected) {
    long t0 = System.nanoTime();
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      latencies
          .computeIfAbsent(endpoint, e -> java.util.Collections.synchronizedList(new ArrayList<>()))
          .add(System.nanoTime() - t0);
      if (r.statusCode() != expected) {
        error(endpoint, r.statusCode() + " " + clip(r.body()));
        return null;
      }
      return r;
    } catch (IOException e) {
      error(endpoint, e.toString());
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void error(String endpoint, String what) {
    errors.computeIfAbsent(endpoint, e -> new AtomicInteger()).incrementAndGet();
    if (errorSamples.size() < 50) {
      errorSamples.add(endpoint + ": " + what);
    }
  }

  private HttpRequest.Builder request(String path, String session) {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(3));
    return session == null ? r : r.header("X-Session-Id", session);
  }

  private HttpRequest.Builder get(String path, String session) {
    return request(path, session).GET();
  }

  private HttpRequest.Builder post(String session, String path, String json) {
    return request(path, session)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private HttpRequest.Builder upload(String session, String name, String type, byte[] content) {
    String boundary = "soak" + UUID.randomUUID();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + name
                + "\"\r\nContent-Type: "
                + type
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    return request("/api/v1/documents", session)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
  }

  private int activeSessions() {
    try {
      String metrics =
          http.send(get("/metrics", null).build(), HttpResponse.BodyHandlers.ofString()).body();
      Matcher m = Pattern.compile("(?m)^sessions_active\\{[^}]*\\} ([0-9.]+)").matcher(metrics);
      return m.find() ? (int) Double.parseDouble(m.group(1)) : -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** The server process's resources now: heap after a full GC, fds, threads, files, children. */
  private static Map<String, Object> resources(long pid, Path serverDir) {
    Map<String, Object> r = new LinkedHashMap<>();
    run(jcmd(), String.valueOf(pid), "GC.run");
    Matcher heap = HEAP_USED.matcher(run(jcmd(), String.valueOf(pid), "GC.heap_info"));
    r.put("heap_after_gc_mb", heap.find() ? Long.parseLong(heap.group(1)) / 1024 : -1);
    r.put("open_fds", count(Path.of("/proc/" + pid + "/fd")));
    r.put("threads", count(Path.of("/proc/" + pid + "/task")));
    r.put(
        "spooled_and_kept_files",
        files(serverDir.resolve("tmp/uploads")) + files(serverDir.resolve("tmp/documents")));
    r.put("child_processes", children(pid));
    return r;
  }

  private static long count(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    } catch (IOException e) {
      return -1;
    }
  }

  private static long files(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).count();
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }

  private static long children(long pid) {
    return ProcessHandle.of(pid).map(p -> p.children().count()).orElse(-1L);
  }

  private static String jcmd() {
    return Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
  }

  private static long startServer(int port, Path env) {
    String out = run("bench/soak-server.sh", "start", String.valueOf(port), env.toString());
    // the PID is the script's last output; the build before it may leave terminal escapes
    Matcher pid = Pattern.compile("(\\d+)\\s*$").matcher(out);
    if (!pid.find()) {
      throw new IllegalStateException("soak server did not start: " + clip(out));
    }
    return Long.parseLong(pid.group(1));
  }

  private static String run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String commit() {
    return run("git", "rev-parse", "--short", "HEAD").strip();
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "?";
    }
  }

  private static Map<String, Integer> toInts(Map<String, AtomicInteger> counts) {
    Map<String, Integer> out = new LinkedHashMap<>();
    counts.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  private static Map<String, Object> samplesJson(List<Map<String, Object>> samples) {
    Map<String, Object> out = new LinkedHashMap<>();
    synchronized (samples) {
      for (Map<String, Object> s : samples) {
        out.put("t" + s.get("t_s") + "s", s.toString());
      }
    }
    return out;
  }

  private static String clip(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

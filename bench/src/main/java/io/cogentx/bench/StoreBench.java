package io.cogentx.bench;

import io.cogentx.retrieval.Chunker;
import io.cogentx.retrieval.Ingestor;
import io.cogentx.retrieval.KnowledgeBase;
import io.cogentx.retrieval.Loaders;
import io.cogentx.retrieval.Retriever;
import io.cogentx.retrieval.SearchMode;
import io.cogentx.session.Session;
import io.cogentx.session.SessionId;
import io.cogentx.session.SessionListener;
import io.cogentx.session.SessionStore;
import io.cogentx.spi.Embedder;
import io.cogentx.spi.IndexBackend;
import io.cogentx.spi.IndexSpec;
import io.cogentx.spi.Progress;
import io.cogentx.spi.SessionRef;
import io.cogentx.spi.SessionStorage;
import io.cogentx.spi.StoredSession;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The session stores' costs (issue 13), measured in process on this machine:
 *
 * <ul>
 *   <li><b>ingest</b>: the same SQuAD articles ingested through the real path (text loader,
 *       chunker, all-MiniLM-L6-v2, Lucene) into sessions of {@code memory}, {@code disk} and {@code
 *       postgres}, interleaved document by document so noise falls on all alike; chunks per second
 *       and each store's ratio to memory (goal ≥ 0.9).
 *   <li><b>restart</b>: what a start does with N sessions on disk against an empty directory: the
 *       disk store and the session registry are created and one session is served (opened, its
 *       index reopened, searched) — the part of a server start that depends on the stored sessions
 *       (goal: ≤ 2 s more than empty).
 *   <li><b>first request</b>: a server that never saw a session serves its first search: the
 *       session opened from PostgreSQL, its 127-chunk index rebuilt from the stored vectors, the
 *       query embedded and searched (p50 goal ≤ 50 ms).
 *   <li><b>heap</b>: 100,000 sessions on disk of which 1,000 are open with their indexes; heap used
 *       after a full GC (goal ≤ 2 GB).
 * </ul>
 *
 * <p>Run: {@code bench/run.sh StoreBench DATA_DIR [--documents=12] [--sessions=1000]
 * [--stored=100000] [--active=1000] [--first=30] [--postgres-port=20712]}. PostgreSQL is started
 * from Debian's binaries (scripts/test-postgres.sh); without it the postgres parts are skipped.
 */
public final class StoreBench {

  private StoreBench() {}

  public static void main(String[] args) throws Exception {
    BenchArgs a = BenchArgs.parse(args);
    Path data = BenchArgs.dataDir(a.positional(0, null));
    if (!Files.isRegularFile(data.resolve(SquadData.FILE))) {
      BenchArgs.skipped("StoreBench", "SQuAD not found under " + data.toAbsolutePath());
      return;
    }
    BenchResult result = new BenchResult(a.option("name", "session-stores"));
    result.put("commit", git("rev-parse", "HEAD"));
    result.put("command", "bench/run.sh StoreBench " + String.join(" ", args));
    Path work = Files.createTempDirectory("cogentx-store-bench-");
    Postgres pg =
        Postgres.start(
            Files.createTempDirectory("cogentx-bench-postgres-"),
            a.intOption("postgres-port", 20712));
    try (Embedder embedder = Plugins.embedder(Plugins.FP32)) {
      SquadData squad = SquadData.read(data);
      List<String> texts = new ArrayList<>();
      for (SquadData.Article article : squad.articles()) {
        texts.add(
            String.join(
                "\n\n", article.paragraphs().subList(0, Math.min(6, article.paragraphs().size()))));
      }
      Map<String, Object> ingest = ingest(embedder, texts, a.intOption("documents", 12), work, pg);
      result.put("ingest", ingest);
      Map<String, Object> restart = restart(embedder, a.intOption("sessions", 1000), work);
      result.put("restart", restart);
      Map<String, Object> first =
          pg == null
              ? Map.of("skipped", "no PostgreSQL")
              : firstRequest(embedder, texts, a.intOption("first", 30), pg);
      result.put("first_request", first);
      Map<String, Object> heap =
          heap(a.intOption("stored", 100_000), a.intOption("active", 1000), work);
      result.put("heap", heap);
      result.write(
          String.format(
              "ingest disk/memory %s postgres/memory %s; restart +%s ms with %d sessions; first"
                  + " request p50 %s ms; heap %s MB with %s stored, %s open",
              ingest.get("disk_ratio"),
              ingest.get("postgres_ratio"),
              restart.get("extra_ms"),
              a.intOption("sessions", 1000),
              first.get("p50_ms"),
              heap.get("heap_mb"),
              heap.get("stored"),
              heap.get("open")));
    } finally {
      if (pg != null) {
        pg.stop();
      }
    }
  }

  // ---- ingest throughput

  private static Map<String, Object> ingest(
      Embedder embedder, List<String> texts, int documents, Path work, Postgres pg)
      throws Exception {
    Loaders loaders = Plugins.loaders();
    IndexBackend lucene = Plugins.backend("lucene");
    IndexSpec spec = IndexSpec.inMemory(embedder.modelName(), embedder.dimension());
    Ingestor ingestor =
        new Ingestor(embedder, new Chunker(embedder::countTokens), 20_000, Clock.systemUTC());
    Map<String, SessionStorage> stores = new LinkedHashMap<>();
    stores.put("memory", Plugins.memoryStorage());
    stores.put(
        "disk",
        Plugins.sessionStorage(
            "disk", Map.of("VECTOR_DB_DIRECTORY", work.resolve("ingest-disk").toString())));
    if (pg != null) {
      stores.put("postgres", pg.storage("ingest"));
    }
    Map<String, KnowledgeBase> kbs = new LinkedHashMap<>();
    for (Map.Entry<String, SessionStorage> e : stores.entrySet()) {
      StoredSession s =
          e.getValue().open(new SessionRef(UUID.randomUUID().toString()), Instant.now());
      kbs.put(e.getKey(), KnowledgeBase.open(s, lucene, spec, embedder));
    }
    // warm-up: one document each
    for (KnowledgeBase kb : kbs.values()) {
      ingestor.ingest(kb, Plugins.textUpload(loaders, texts.get(0), "warm-up"), Progress.NONE);
    }
    Map<String, Long> nanos = new LinkedHashMap<>();
    Map<String, Integer> chunks = new LinkedHashMap<>();
    for (int d = 1; d <= documents; d++) {
      String text = texts.get(d % texts.size());
      List<String> order = new ArrayList<>(kbs.keySet());
      java.util.Collections.rotate(order, d); // who goes first changes
      for (String store : order) {
        long t0 = System.nanoTime();
        var doc =
            ingestor.ingest(
                kbs.get(store), Plugins.textUpload(loaders, text, "doc " + d), Progress.NONE);
        nanos.merge(store, System.nanoTime() - t0, Long::sum);
        chunks.merge(store, doc.chunks(), Integer::sum);
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    double memory = chunks.get("memory") / (nanos.get("memory") / 1e9);
    for (String store : kbs.keySet()) {
      double rate = chunks.get(store) / (nanos.get(store) / 1e9);
      out.put(store + "_chunks_per_s", round(rate));
      if (!store.equals("memory")) {
        out.put(store + "_ratio", round(rate / memory));
      }
    }
    out.put("documents_per_store", documents);
    out.put("chunks_per_store", chunks.get("memory"));
    for (KnowledgeBase kb : kbs.values()) {
      kb.close();
    }
    return out;
  }

  // ---- restart with stored sessions

  private static Map<String, Object> restart(Embedder embedder, int sessions, Path work)
      throws Exception {
    IndexBackend lucene = Plugins.backend("lucene");
    IndexSpec spec = IndexSpec.inMemory(embedder.modelName(), embedder.dimension());
    Path full = work.resolve("restart-full");
    Path empty = work.resolve("restart-empty");
    List<SessionId> ids = new ArrayList<>();
    try (SessionStorage storage = disk(full)) {
      for (int i = 0; i < sessions; i++) {
        SessionId id = SessionId.random();
        ids.add(id);
        try (StoredSession s = storage.open(new SessionRef(id.value()), Instant.now());
            KnowledgeBase kb = KnowledgeBase.open(s, lucene, spec, embedder)) {
          Filler.add(kb, s, 8, embedder.dimension());
        }
      }
    }
    Retriever retriever = new Retriever(embedder);
    List<Long> emptyMs = new ArrayList<>();
    List<Long> fullMs = new ArrayList<>();
    for (int round = 0; round < 5; round++) {
      emptyMs.add(start(empty, SessionId.random(), lucene, spec, embedder, retriever));
      fullMs.add(start(full, ids.get(round), lucene, spec, embedder, retriever));
    }
    long e = (long) Stats.median(emptyMs.stream().mapToDouble(Long::doubleValue).toArray());
    long f = (long) Stats.median(fullMs.stream().mapToDouble(Long::doubleValue).toArray());
    return Map.of(
        "sessions_stored", sessions, "empty_ms", e, "with_sessions_ms", f, "extra_ms", f - e);
  }

  /** Creates the disk store and the registry over {@code dir} and serves one search. */
  private static long start(
      Path dir,
      SessionId id,
      IndexBackend lucene,
      IndexSpec spec,
      Embedder embedder,
      Retriever retriever)
      throws Exception {
    long t0 = System.nanoTime();
    SessionStorage storage = disk(dir);
    SessionStore store =
        new SessionStore(
            Duration.ofHours(24),
            Duration.ofMinutes(15),
            0,
            Clock.systemUTC(),
            SessionListener.NONE,
            storage);
    Session session = store.getOrCreate(id);
    try (KnowledgeBase kb = KnowledgeBase.open(session.stored(), lucene, spec, embedder)) {
      retriever.search(kb.index(), "what is stored here", 5, SearchMode.HYBRID);
    }
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    store.closeAll();
    storage.close();
    return ms;
  }

  // ---- first request on a server new to the session

  private static Map<String, Object> firstRequest(
      Embedder embedder, List<String> texts, int sessions, Postgres pg) throws Exception {
    IndexBackend lucene = Plugins.backend("lucene");
    IndexSpec spec = IndexSpec.inMemory(embedder.modelName(), embedder.dimension());
    Loaders loaders = Plugins.loaders();
    Ingestor ingestor =
        new Ingestor(embedder, new Chunker(embedder::countTokens), 20_000, Clock.systemUTC());
    List<String> ids = new ArrayList<>();
    int chunks;
    // one 127-chunk session ingested for real, its rows copied for the others
    try (SessionStorage writer = pg.storage("first")) {
      String first = UUID.randomUUID().toString();
      ids.add(first);
      try (StoredSession s = writer.open(new SessionRef(first), Instant.now());
          KnowledgeBase kb = KnowledgeBase.open(s, lucene, spec, embedder)) {
        int t = 0;
        while (kb.chunkCount() < 127) {
          ingestor.ingest(
              kb, Plugins.textUpload(loaders, texts.get(t++), "article " + t), Progress.NONE);
        }
        chunks = kb.chunkCount();
      }
      for (int i = 1; i < sessions; i++) {
        String id = UUID.randomUUID().toString();
        pg.copySession(new SessionRef(first).storageKey(), new SessionRef(id).storageKey());
        ids.add(id);
      }
    }
    Retriever retriever = new Retriever(embedder);
    retriever.search(
        KnowledgeBase.open(
                pg.storage("first").open(new SessionRef(ids.get(0)), Instant.now()),
                lucene,
                spec,
                embedder)
            .index(),
        "warm-up",
        5,
        SearchMode.HYBRID);
    List<Long> micros = new ArrayList<>();
    for (int i = 1; i < ids.size(); i++) {
      try (SessionStorage node = pg.storage("first")) { // a server that never saw the session
        long t0 = System.nanoTime();
        StoredSession s = node.open(new SessionRef(ids.get(i)), Instant.now());
        try (KnowledgeBase kb = KnowledgeBase.open(s, lucene, spec, embedder)) {
          retriever.search(kb.index(), "Which team won the game?", 5, SearchMode.HYBRID);
        }
        micros.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - t0));
      }
    }
    return Map.of(
        "sessions", micros.size(),
        "chunks", chunks,
        "p50_ms", round(Stats.median(ms(micros))),
        "p95_ms", round(Stats.percentile(ms(micros), 95)));
  }

  // ---- heap with many stored sessions, few open

  private static Map<String, Object> heap(int stored, int active, Path work) throws Exception {
    Path root = Files.createDirectories(work.resolve("heap"));
    // sessions nobody uses: their directories as the store writes them (without fsync, to be quick)
    String now = Instant.now().toString();
    for (int i = 0; i < stored - active; i++) {
      Path dir =
          Files.createDirectories(
              root.resolve(new SessionRef(UUID.randomUUID().toString()).storageKey()));
      Files.writeString(
          dir.resolve("session"),
          "format=1\ncreated="
              + now
              + "\nlast_access="
              + System.currentTimeMillis()
              + "\nversion=0\n",
          StandardCharsets.UTF_8);
    }
    IndexBackend lucene = Plugins.backend("lucene");
    IndexSpec spec = IndexSpec.inMemory("bench-model", 384);
    long before = usedAfterGc();
    SessionStorage storage = disk(root);
    SessionStore store =
        new SessionStore(
            Duration.ofHours(24),
            Duration.ofMinutes(15),
            0,
            Clock.systemUTC(),
            SessionListener.NONE,
            storage);
    List<KnowledgeBase> open = new ArrayList<>();
    for (int i = 0; i < active; i++) {
      Session session = store.getOrCreate(SessionId.random());
      KnowledgeBase kb = KnowledgeBase.open(session.stored(), lucene, spec, null);
      Filler.add(kb, session.stored(), 127, 384);
      open.add(kb);
    }
    long after = usedAfterGc();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("stored", storage.count());
    out.put("open", store.size());
    out.put("chunks_per_open_session", 127);
    out.put("heap_mb", round((after - before) / 1e6));
    out.put("heap_per_open_session_kb", round((after - before) / 1e3 / active));
    for (KnowledgeBase kb : open) {
      kb.close();
    }
    store.closeAll();
    return out;
  }

  private static double[] ms(List<Long> micros) {
    return micros.stream().mapToDouble(m -> m / 1000.0).toArray();
  }

  private static SessionStorage disk(Path dir) {
    return Plugins.sessionStorage("disk", Map.of("VECTOR_DB_DIRECTORY", dir.toString()));
  }

  private static long usedAfterGc() throws InterruptedException {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
      least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return least;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /** Documents of random vectors (no embedding), added as an import adds them. */
  static final class Filler {
    private static final java.util.Random RANDOM = new java.util.Random(13);

    static void add(KnowledgeBase kb, StoredSession s, int chunks, int dimension)
        throws java.io.IOException {
      String id = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
      List<io.cogentx.spi.Chunk> list = new ArrayList<>();
      float[][] vectors = new float[chunks][dimension];
      for (int i = 0; i < chunks; i++) {
        list.add(
            new io.cogentx.spi.Chunk(
                id,
                "Filler",
                i,
                "filler sentence number " + i + " about topic " + RANDOM.nextInt(1000),
                0,
                10,
                null,
                null,
                null,
                null));
        for (int d = 0; d < dimension; d++) {
          vectors[i][d] = (float) RANDOM.nextGaussian();
        }
      }
      kb.add(
          new io.cogentx.retrieval.DocumentInfo(
              id,
              "Filler",
              null,
              "text/plain",
              "bench",
              10,
              chunks,
              10L * chunks,
              0,
              Instant.now(),
              List.of()),
          list,
          vectors,
          null);
    }
  }

  /** A PostgreSQL of Debian's binaries for the postgres parts, or none. */
  static final class Postgres {
    private final Path dir;
    private final int port;

    private Postgres(Path dir, int port) {
      this.dir = dir;
      this.port = port;
    }

    static Postgres start(Path dir, int port) throws Exception {
      Process p =
          new ProcessBuilder(
                  "scripts/test-postgres.sh", "start", dir.toString(), Integer.toString(port))
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        System.err.println("StoreBench: no PostgreSQL, its parts are skipped: " + out);
        return null;
      }
      return new Postgres(dir, port);
    }

    String url() {
      return "jdbc:postgresql://127.0.0.1:" + port + "/cogentx";
    }

    SessionStorage storage(String unused) {
      return Plugins.sessionStorage(
          "postgres",
          Map.of("POSTGRES_DATASOURCE", "", "POSTGRES_URL", url(), "POSTGRES_USER", "cogentx"));
    }

    /** Copies a session's rows under another key (as if another user had uploaded the same). */
    void copySession(String from, String to) throws Exception {
      try (java.sql.Connection c = java.sql.DriverManager.getConnection(url(), "cogentx", "")) {
        String[] sql = {
          "INSERT INTO sessions (key, created_at, last_access, version) SELECT ?, created_at,"
              + " now(), version FROM sessions WHERE key = ?",
          "INSERT INTO documents SELECT ?, id, sequence, chunk_count, embedding_model, dimension,"
              + " added_at, metadata FROM documents WHERE session_key = ?",
          "INSERT INTO chunks SELECT ?, document_id, ordinal, position, title, text, start_offset,"
              + " end_offset, page, start_seconds, end_seconds, vector FROM chunks WHERE"
              + " session_key = ?"
        };
        for (String q : sql) {
          try (var s = c.prepareStatement(q)) {
            s.setString(1, to);
            s.setString(2, from);
            s.executeUpdate();
          }
        }
      }
    }

    void stop() throws Exception {
      new ProcessBuilder("scripts/test-postgres.sh", "stop", dir.toString()).start().waitFor();
    }
  }

  static String git(String... args) {
    try {
      List<String> cmd = new ArrayList<>(List.of("git"));
      cmd.addAll(List.of(args));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.waitFor() == 0 ? out : "unknown";
    } catch (Exception e) {
      return "unknown";
    }
  }
}

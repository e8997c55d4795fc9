package io.cogentx.bench;

import io.cogentx.answer.AbstentionPolicy;
import io.cogentx.answer.ExtractiveAnswerer;
import io.cogentx.answer.Mismatch;
import io.cogentx.answer.Source;
import io.cogentx.retrieval.Chunker;
import io.cogentx.retrieval.Retriever;
import io.cogentx.retrieval.SearchMode;
import io.cogentx.spi.Chunk;
import io.cogentx.spi.Embedder;
import io.cogentx.spi.IndexBackend;
import io.cogentx.spi.IndexSpec;
import io.cogentx.spi.Segment;
import io.cogentx.spi.SessionIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Answers on one side of the fixed SQuAD article split ({@code bench/splits/squad-articles.json}),
 * through the server's own classes ({@code Retriever}, {@code AbstentionPolicy}, {@code
 * ExtractiveAnswerer}) on Lucene session indexes built by the real chunker and all-MiniLM-L6-v2
 * (chunk vectors cached in bench/target/vector-cache):
 *
 * <ul>
 *   <li><b>off-topic</b>: the split's 24 SQuAD v1.1 articles are dealt into {@value #FOLDS} groups
 *       of six (article {@code i} of the split file into group {@code i mod 4}); each group in turn
 *       is one session. Every question about its articles is answerable; every question about the
 *       split's other 18 articles is unanswerable (about a document the user did not upload).
 *   <li><b>in-topic</b>: the split's four SQuAD 2.0 articles ({@code squad2-dev-part-a.json}) are
 *       one session and every question about them is asked; those marked {@code is_impossible}
 *       (their paragraph does not answer them, though they were written to look as if it did) are
 *       unanswerable, the rest answerable.
 *   <li><b>extractive quality</b>: the share of answerable questions whose extractive answer holds
 *       a gold answer (both normalised as the official SQuAD script does), of all of them and of
 *       those answered.
 *   <li><b>time to first token</b> of the extractive backend (retrieval, abstention check, sentence
 *       choice) on a session of {@code --ttft-chunks} chunks (the split's chunks repeated as
 *       further documents until there are enough).
 * </ul>
 *
 * <p>Parameters are chosen on {@code development} only ({@code AbstentionChoice} on this bench's
 * {@code --dump}); {@code test} is run once per reported configuration. Nothing of the other side
 * is ingested. Run with {@code bench/run.sh AnswerBench --split=development|test [--data=DIR]
 * [--ttft-chunks=10000] [--ttft-questions=300] [--name=answers-SPLIT] [--dump=FILE]}; writes {@code
 * bench/results/NAME.json}.
 */
public final class AnswerBench {

  /** Off-topic sessions per split side. */
  static final int FOLDS = 4;

  static final String OFF_TOPIC = "off-topic";
  static final String IN_TOPIC = "in-topic";

  private AnswerBench() {}

  /**
   * One question asked: which measurement ({@link #OFF_TOPIC} or {@link #IN_TOPIC}), whether the
   * session answers it, the evidence the policy weighs, and whether the extractive answer holds a
   * gold answer.
   */
  record Measured(
      String set,
      boolean answerable,
      AbstentionPolicy.Evidence evidence,
      boolean extractiveEmpty,
      boolean containsGold,
      String question) {}

  /** Loaded data and machinery shared by the measurements. */
  private record Setup(
      Embedder model,
      Embedder embedder,
      IndexBackend lucene,
      Chunker chunker,
      Retriever retriever,
      ExtractiveAnswerer answerer) {}

  public static void main(String[] args) throws Exception {
    BenchArgs a = BenchArgs.parse(args);
    Path data = BenchArgs.dataDir(a.option("data", null));
    Path v11 = data.resolve(SquadData.FILE);
    Path v20 = data.resolve("qa/squad2-dev-part-a.json");
    if (!Files.isRegularFile(v11) || !Files.isRegularFile(v20)) {
      BenchArgs.skipped("AnswerBench", "SQuAD not found at " + v11 + " and " + v20);
      return;
    }
    ArticleSplit split = ArticleSplit.read(ArticleSplit.file(), a.option("split", "development"));
    int ttftChunks = a.intOption("ttft-chunks", 10_000);
    int ttftQuestions = a.intOption("ttft-questions", 300);
    String only = a.option("only", "");
    List<SquadQa.Article> articles = split.of(SquadQa.read(v11), split.articles());
    List<SquadQa.Article> partA = split.of(SquadQa.read(v20), split.partA());

    Embedder model = Plugins.embedder(Plugins.FP32);
    Embedder embedder = new MemoizingEmbedder(model);
    Setup setup =
        new Setup(
            model,
            embedder,
            Plugins.backend("lucene"),
            new Chunker(embedder::countTokens),
            new Retriever(embedder),
            new ExtractiveAnswerer());

    List<Measured> measured = new ArrayList<>();
    Corpus offTopicCorpus = corpus(setup, articles);
    if (!only.equals(IN_TOPIC)) {
      for (int fold = 0; fold < FOLDS; fold++) {
        List<SquadQa.Article> inside = new ArrayList<>();
        List<SquadQa.Article> outside = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
          (i % FOLDS == fold ? inside : outside).add(articles.get(i));
        }
        try (SessionIndex index = offTopicCorpus.index(setup, inside)) {
          for (SquadQa.Article art : inside) {
            for (SquadQa.Qa qa : art.questions()) {
              measured.add(measure(setup, index, qa, OFF_TOPIC, true));
            }
          }
          for (SquadQa.Article art : outside) {
            for (SquadQa.Qa qa : art.questions()) {
              measured.add(measure(setup, index, qa, OFF_TOPIC, false));
            }
          }
        }
        System.err.printf(Locale.ROOT, "off-topic session %d of %d done%n", fold + 1, FOLDS);
      }
    }
    int inTopicChunks = 0;
    if (!only.equals(OFF_TOPIC)) {
      Corpus inTopicCorpus = corpus(setup, partA);
      try (SessionIndex index = inTopicCorpus.index(setup, partA)) {
        inTopicChunks = index.size();
        for (SquadQa.Article art : partA) {
          for (SquadQa.Qa qa : art.questions()) {
            measured.add(measure(setup, index, qa, IN_TOPIC, !qa.impossible()));
          }
        }
      }
      System.err.println("in-topic session done");
    }
    String dump = a.option("dump", null);
    if (dump != null) {
      writeDump(Path.of(dump), split.side(), measured);
    }

    double[] ttft = ttft(setup, offTopicCorpus, articles, ttftChunks, ttftQuestions);
    AbstentionPolicy shipped = AbstentionPolicy.CALIBRATED;
    Map<String, Object> policies = new LinkedHashMap<>();
    policies.put("shipped", describe(shipped, measured));
    policies.put(
        "topic_only",
        describe(new AbstentionPolicy(shipped.threshold(), shipped.coverageWeight()), measured));
    for (Mismatch k : Mismatch.values()) {
      policies.put(
          "topic_and_" + k.name().toLowerCase(Locale.ROOT),
          describe(
              new AbstentionPolicy(
                  shipped.threshold(),
                  shipped.coverageWeight(),
                  Set.of(k),
                  shipped.mismatchCoverage()),
              measured));
    }
    policies.put("before_issue_15", describe(BEFORE, measured));
    Map<String, Object> off = report(shipped, measured, OFF_TOPIC);
    Map<String, Object> in = report(shipped, measured, IN_TOPIC);
    new BenchResult(a.option("name", "answers-" + split.side()))
        .put("data", "SQuAD v1.1 dev (off-topic), SQuAD 2.0 dev part a (in-topic)")
        .put("split", split.side())
        .put("split_file", "bench/splits/squad-articles.json")
        .put("articles", String.join(", ", split.articles()))
        .put("in_topic_articles", String.join(", ", split.partA()))
        .put("off_topic_sessions", FOLDS)
        .put("in_topic_chunks", inTopicChunks)
        .put("embedding_model", model.modelName())
        .put(
            "retrieval",
            "hybrid (the server's default fusion: "
                + FusionSettings.shipping().label()
                + "), k = 5, lucene")
        .put("shipped_threshold", shipped.threshold())
        .put("shipped_coverage_weight", shipped.coverageWeight())
        .put("shipped_mismatches", mismatches(shipped.mismatches()))
        .put("shipped_mismatch_coverage", shipped.mismatchCoverage())
        .put("off_topic", off)
        .put("in_topic", in)
        .put("mismatches_found", found(measured))
        .put("policies", policies)
        .put("ttft_session_chunks", (int) ttft[2])
        .put("ttft_p50_ms", Stats.round(ttft[0], 2))
        .put("ttft_p95_ms", Stats.round(ttft[1], 2))
        .put(
            "goals",
            "off-topic: abstain >= 0.95 on unanswerable, <= 0.05 on answerable; in-topic: abstain"
                + " >= 0.50 on unanswerable, answer >= 0.85 of answerable; extractive gold >= 0.60;"
                + " ttft p50 <= 100 ms")
        .write(
            String.format(
                Locale.ROOT,
                "%s split, shipped t=%.4f w=%.2f mismatches %s (at coverage >= %.2f): off-topic abstains on %.1f %% of"
                    + " unanswerable, %.1f %% of answerable; in-topic abstains on %.1f %% of"
                    + " unanswerable, answers %.1f %% of answerable; extractive answers holding a"
                    + " gold answer %.1f %% off-topic, %.1f %% in-topic; TTFT on %,d chunks p50"
                    + " %.1f ms, p95 %.1f ms",
                split.side(),
                shipped.threshold(),
                shipped.coverageWeight(),
                mismatches(shipped.mismatches()),
                shipped.mismatchCoverage(),
                100 * (double) off.getOrDefault("abstain_unanswerable", Double.NaN),
                100 * (double) off.getOrDefault("abstain_answerable", Double.NaN),
                100 * (double) in.getOrDefault("abstain_unanswerable", Double.NaN),
                100 * (double) in.getOrDefault("answer_answerable", Double.NaN),
                100 * (double) off.getOrDefault("contains_gold", Double.NaN),
                100 * (double) in.getOrDefault("contains_gold", Double.NaN),
                (int) ttft[2],
                ttft[0],
                ttft[1]));
  }

  /** The rule shipped before in-topic questions were measured (issue 15), for comparison. */
  static final AbstentionPolicy BEFORE = new AbstentionPolicy(0.7125, 0.60);

  /** Both measurements under {@code policy}. */
  static Map<String, Object> describe(AbstentionPolicy policy, List<Measured> measured) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("threshold", policy.threshold());
    out.put("coverage_weight", policy.coverageWeight());
    out.put("mismatches", mismatches(policy.mismatches()));
    out.put("mismatch_coverage", policy.mismatchCoverage());
    for (String set : List.of(OFF_TOPIC, IN_TOPIC)) {
      Map<String, Object> r = report(policy, measured, set);
      if (!r.isEmpty()) {
        out.put(
            set,
            Map.of(
                "abstain_unanswerable", r.get("abstain_unanswerable"),
                "abstain_answerable", r.get("abstain_answerable")));
      }
    }
    return out;
  }

  /** How often each mismatch is found, by measurement and kind of question. */
  private static Map<String, Object> found(List<Measured> measured) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String set : List.of(OFF_TOPIC, IN_TOPIC)) {
      for (boolean answerable : List.of(true, false)) {
        List<Measured> ms =
            measured.stream()
                .filter(m -> m.set().equals(set) && m.answerable() == answerable)
                .toList();
        if (ms.isEmpty()) {
          continue;
        }
        Map<String, Object> kinds = new LinkedHashMap<>();
        for (Mismatch k : Mismatch.values()) {
          kinds.put(
              k.name().toLowerCase(Locale.ROOT),
              Stats.round(
                  (double) ms.stream().filter(m -> m.evidence().mismatches().contains(k)).count()
                      / ms.size(),
                  4));
        }
        out.put(set + (answerable ? " answerable" : " unanswerable"), kinds);
      }
    }
    return out;
  }

  /** The figures of one measurement under {@code policy}. */
  static Map<String, Object> report(AbstentionPolicy policy, List<Measured> all, String set) {
    List<Measured> ms = all.stream().filter(m -> m.set().equals(set)).toList();
    Map<String, Object> out = new LinkedHashMap<>();
    if (ms.isEmpty()) {
      return out;
    }
    Predicate<Measured> answered = m -> !abstains(policy, m);
    long answerable = ms.stream().filter(Measured::answerable).count();
    long unanswerable = ms.size() - answerable;
    out.put("answerable_questions", answerable);
    out.put("unanswerable_questions", unanswerable);
    double[] r = rates(policy, ms);
    out.put("abstain_unanswerable", Stats.round(r[1], 4));
    out.put("abstain_answerable", Stats.round(r[0], 4));
    out.put("answer_answerable", Stats.round(1 - r[0], 4));
    out.put(
        "contains_gold",
        Stats.round(share(ms, m -> m.answerable() && m.containsGold(), Measured::answerable), 4));
    out.put(
        "contains_gold_when_answered",
        Stats.round(
            share(
                ms,
                m -> m.answerable() && m.containsGold() && answered.test(m),
                m -> m.answerable() && answered.test(m)),
            4));
    return out;
  }

  /** Whether the server says "not found": the policy abstains or no sentence matches. */
  static boolean abstains(AbstentionPolicy policy, Measured m) {
    return m.extractiveEmpty() || policy.abstains(m.evidence());
  }

  /** {abstain rate on answerable, on unanswerable} of {@code ms}. */
  static double[] rates(AbstentionPolicy policy, List<Measured> ms) {
    double[] abstained = new double[2];
    double[] total = new double[2];
    for (Measured m : ms) {
      int kind = m.answerable() ? 0 : 1;
      total[kind]++;
      if (abstains(policy, m)) {
        abstained[kind]++;
      }
    }
    return new double[] {abstained[0] / total[0], abstained[1] / total[1]};
  }

  private static double share(
      List<Measured> ms, Predicate<Measured> counted, Predicate<Measured> of) {
    long n = ms.stream().filter(of).count();
    return n == 0 ? Double.NaN : (double) ms.stream().filter(counted).count() / n;
  }

  private static Measured measure(
      Setup setup, SessionIndex index, SquadQa.Qa qa, String set, boolean answerable)
      throws IOException {
    Retriever.Retrieval r = setup.retriever().retrieve(index, qa.question(), 5, SearchMode.HYBRID);
    AbstentionPolicy.Evidence e = AbstentionPolicy.evidence(qa.question(), r);
    ExtractiveAnswerer.Answer answer =
        setup.answerer().answer(qa.question(), Source.number(r.hits()));
    String text = answer.text().replaceAll("\\[\\d+]", "");
    boolean gold = answerable && SquadQa.containsGold(text, qa.answers());
    return new Measured(set, answerable, e, answer.parts().isEmpty(), gold, qa.question());
  }

  /** The chunks of some articles (each paragraph a document) and their vectors. */
  private record Corpus(List<Chunk> chunks, float[][] vectors) {

    /** A session index of the chunks of {@code articles}. */
    SessionIndex index(Setup setup, List<SquadQa.Article> articles) throws IOException {
      java.util.Set<String> ids = new java.util.HashSet<>();
      articles.forEach(art -> ids.add(art.index() + "/"));
      SessionIndex index =
          setup
              .lucene()
              .open(IndexSpec.inMemory(setup.embedder().modelName(), setup.embedder().dimension()));
      List<Chunk> part = new ArrayList<>();
      List<float[]> partVectors = new ArrayList<>();
      for (int i = 0; i < chunks.size(); i++) {
        String id = chunks.get(i).documentId();
        if (ids.contains(id.substring(0, id.indexOf('/') + 1))) {
          part.add(chunks.get(i));
          partVectors.add(vectors[i]);
        }
      }
      index.add(part, partVectors.toArray(new float[0][]));
      return index;
    }
  }

  private static Corpus corpus(Setup setup, List<SquadQa.Article> articles) throws IOException {
    List<Chunk> chunks = new ArrayList<>();
    for (SquadQa.Article article : articles) {
      for (EvalDocument p : article.paragraphs()) {
        chunks.addAll(setup.chunker().chunk(p.id(), p.title(), List.of(Segment.of(p.text()))));
      }
    }
    long t0 = System.nanoTime();
    float[][] vectors =
        VectorCache.embed(setup.embedder(), chunks.stream().map(Chunk::text).toList());
    System.err.printf(
        Locale.ROOT,
        "%d chunks, vectors in %.0f s%n",
        chunks.size(),
        (System.nanoTime() - t0) / 1e9);
    return new Corpus(chunks, vectors);
  }

  /** {p50, p95, session chunks} of the extractive time to first token on a big session. */
  private static double[] ttft(
      Setup setup, Corpus corpus, List<SquadQa.Article> articles, int target, int questions)
      throws IOException {
    // the model itself, not the memo: every question is embedded as the server would
    Retriever retriever = new Retriever(setup.model());
    List<SquadQa.Qa> qs = new ArrayList<>();
    articles.forEach(art -> qs.addAll(art.questions()));
    java.util.Collections.shuffle(qs, new java.util.Random(7));
    int warmup = 50;
    double[] ms = new double[Math.min(questions, qs.size() - warmup)];
    int size;
    try (SessionIndex big = bigIndex(setup, corpus, target)) {
      size = big.size();
      for (int i = 0; i < warmup + ms.length; i++) {
        String q = qs.get(i).question();
        long start = System.nanoTime();
        Retriever.Retrieval r = retriever.retrieve(big, q, 5, SearchMode.HYBRID);
        boolean abstain =
            r.hits().isEmpty()
                || AbstentionPolicy.CALIBRATED.abstains(AbstentionPolicy.evidence(q, r));
        if (!abstain) {
          setup.answerer().answer(q, Source.number(r.hits()));
        }
        if (i >= warmup) {
          ms[i - warmup] = (System.nanoTime() - start) / 1e6;
        }
      }
    }
    return new double[] {Stats.percentile(ms, 50), Stats.percentile(ms, 95), size};
  }

  private static SessionIndex bigIndex(Setup setup, Corpus corpus, int target) throws IOException {
    SessionIndex index =
        setup
            .lucene()
            .open(IndexSpec.inMemory(setup.embedder().modelName(), setup.embedder().dimension()));
    List<Chunk> chunks = corpus.chunks();
    for (int copy = 0; index.size() < target; copy++) {
      int room = target - index.size();
      List<Chunk> part = new ArrayList<>();
      for (Chunk c : chunks.subList(0, Math.min(room, chunks.size()))) {
        part.add(
            copy == 0
                ? c
                : new Chunk(
                    c.documentId() + "#" + copy,
                    c.title(),
                    c.position(),
                    c.text(),
                    c.startOffset(),
                    c.endOffset(),
                    c.page(),
                    c.startSeconds(),
                    c.endSeconds(),
                    null));
      }
      float[][] v = new float[part.size()][];
      System.arraycopy(corpus.vectors(), 0, v, 0, v.length);
      index.add(part, v);
    }
    return index;
  }

  static String mismatches(java.util.Set<Mismatch> found) {
    return found.isEmpty()
        ? "-"
        : String.join(",", java.util.EnumSet.copyOf(found).stream().map(Mismatch::name).toList());
  }

  private static final String SPLIT_LINE = "# split: ";

  /** The split side a dump was measured on. */
  static String dumpSplit(Path file) throws IOException {
    String first = Files.readAllLines(file).get(0);
    return first.startsWith(SPLIT_LINE) ? first.substring(SPLIT_LINE.length()).strip() : "unknown";
  }

  /** Reads what {@link #writeDump} wrote. */
  static List<Measured> readDump(Path file) throws IOException {
    List<Measured> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(file);
    for (String line : lines.subList(2, lines.size())) {
      String[] f = line.split("\t", 8);
      java.util.Set<Mismatch> found = java.util.EnumSet.noneOf(Mismatch.class);
      if (!f[4].equals("-")) {
        for (String name : f[4].split(",")) {
          found.add(Mismatch.valueOf(name));
        }
      }
      out.add(
          new Measured(
              f[0],
              Boolean.parseBoolean(f[1]),
              new AbstentionPolicy.Evidence(
                  Double.parseDouble(f[2]), Double.parseDouble(f[3]), found),
              Boolean.parseBoolean(f[5]),
              Boolean.parseBoolean(f[6]),
              f[7]));
    }
    return out;
  }

  /** Writes each question's signals as tab-separated lines, for {@code AbstentionChoice}. */
  private static void writeDump(Path file, String side, List<Measured> measured)
      throws IOException {
    StringBuilder tsv = new StringBuilder(SPLIT_LINE + side + "\n");
    tsv.append("set\tanswerable\tcosine\tcoverage\tmismatches\tempty\tgold\tquestion\n");
    for (Measured m : measured) {
      tsv.append(
              String.join(
                  "\t",
                  m.set(),
                  String.valueOf(m.answerable()),
                  String.valueOf(m.evidence().cosine()),
                  String.valueOf(m.evidence().coverage()),
                  mismatches(m.evidence().mismatches()),
                  String.valueOf(m.extractiveEmpty()),
                  String.valueOf(m.containsGold()),
                  m.question().replace('\t', ' ')))
          .append('\n');
    }
    Files.writeString(file, tsv);
  }
}

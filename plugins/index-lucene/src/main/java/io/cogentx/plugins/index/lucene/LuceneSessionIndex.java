package io.cogentx.plugins.index.lucene;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.IndexSpec;
import io.cogentx.spi.ScoredChunk;
import io.cogentx.spi.SessionIndex;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.IOUtils;

/**
 * One session's Lucene index. Every chunk is one Lucene document with an untokenised document id
 * (for deletes), a BM25 text field (term frequencies, no positions), an HNSW vector field with
 * dot-product similarity over normalised vectors (so scores are cosines), and the chunk itself,
 * packed by {@link ChunkCodec} into a binary doc value. Doc values rather than stored fields
 * because stored fields decompress a whole block per hit: fetching 100 BM25 hits on SciFact took
 * ~2.5 ms from stored fields and ~0.4 ms from doc values, for ~40 % more bytes (uncompressed text).
 *
 * <p>To keep a session's heap small, no {@link IndexWriter} stays open: each add or delete opens a
 * writer, commits, closes it and refreshes the {@link SearcherManager}, so searches see the change
 * as soon as the call returns. Writes are serialised; searches run concurrently with them on the
 * last committed view. {@link #close()} waits for running calls, then frees the index.
 */
final class LuceneSessionIndex implements SessionIndex {

  static final String DOC_ID = "doc";
  static final String CHUNK_ID = "id";
  static final String TEXT = "text";
  static final String VECTOR = "vector";
  static final String STORED = "chunk";

  private static final String MODEL_KEY = "cogentx.embeddingModel";
  private static final String DIMENSION_KEY = "cogentx.dimension";
  private static final String FORMAT_KEY = "cogentx.format";
  private static final String FORMAT = "2"; // 2: chunk ids indexed, vectors optional

  /**
   * Heap an open segment keeps beside the directory's bytes. Measured on Lucene 10.6 with 500
   * in-memory sessions of 127 chunks: one segment more costs ~38 KB, ~7 KB of it file bytes.
   */
  static final long SEGMENT_OVERHEAD_BYTES = 31_000;

  /** Heap of this object, its locks, searcher manager and reader apart from the segments. */
  private static final long BASE_OVERHEAD_BYTES = 9_500;

  private static final FieldType TEXT_TYPE = textType();

  private static final SearcherFactory SEARCHERS =
      new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
          IndexSearcher searcher = new IndexSearcher(reader);
          searcher.setQueryCache(null); // queries are one-off; the cache would only hold heap
          return searcher;
        }
      };

  private final IndexSpec spec;
  private final LuceneSettings settings;
  private final boolean inMemory;
  private final Codec codec;
  private final Map<String, String> commitData;

  /** Read lock: any call in progress; write lock: {@link #close()}. */
  private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();

  /** Serialises writes. */
  private final ReentrantLock writeLock = new ReentrantLock();

  private Directory directory;
  private SearcherManager searchers;
  private volatile boolean closed;

  private LuceneSessionIndex(
      IndexSpec spec,
      LuceneSettings settings,
      Codec codec,
      Directory directory,
      SearcherManager searchers) {
    this.spec = spec;
    this.settings = settings;
    this.inMemory = spec.directory() == null;
    this.codec = codec;
    this.commitData = commitData(spec);
    this.directory = directory;
    this.searchers = searchers;
  }

  /**
   * Opens the index {@code spec} describes, creating it or reopening the one on disk.
   *
   * @param codec {@link #codec(KnnVectorsFormat)} of {@code settings}' vectors format, shared by
   *     the indexes of a backend
   */
  static LuceneSessionIndex open(IndexSpec spec, LuceneSettings settings, Codec codec)
      throws IOException {
    Directory directory =
        spec.directory() == null
            ? new ByteBuffersDirectory(
                new SingleInstanceLockFactory(),
                ByteBuffersDataOutput::new,
                ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER)
            : FSDirectory.open(spec.directory());
    try {
      if (DirectoryReader.indexExists(directory)) {
        checkCompatible(directory, spec);
      } else {
        IndexWriterConfig config = writerConfig(settings, codec, spec);
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
          writer.setLiveCommitData(commitData(spec).entrySet());
        }
      }
      return new LuceneSessionIndex(
          spec, settings, codec, directory, new SearcherManager(directory, SEARCHERS));
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(directory);
      throw e;
    }
  }

  @Override
  public IndexSpec spec() {
    return spec;
  }

  @Override
  public void add(List<Chunk> chunks, float[][] vectors) throws IOException {
    Objects.requireNonNull(chunks, "chunks");
    Objects.requireNonNull(vectors, "vectors");
    if (chunks.size() != vectors.length) {
      throw new IllegalArgumentException(
          chunks.size() + " chunks but " + vectors.length + " vectors");
    }
    List<Document> documents = new ArrayList<>(chunks.size());
    for (int i = 0; i < vectors.length; i++) {
      float[] unit = vectors[i] == null ? null : Vectors.unitCopy(vectors[i], spec.dimension());
      documents.add(toDocument(chunks.get(i), unit));
    }
    withWriteLock(
        () -> {
          if (!documents.isEmpty()) {
            write(writer -> writer.addDocuments(documents));
          }
          return null;
        });
  }

  /** Replaces each held chunk's index document by one with its vector (Lucene updates by term). */
  @Override
  public void addVectors(List<Chunk> chunks, float[][] vectors) throws IOException {
    Objects.requireNonNull(chunks, "chunks");
    Objects.requireNonNull(vectors, "vectors");
    if (chunks.size() != vectors.length) {
      throw new IllegalArgumentException(
          chunks.size() + " chunks but " + vectors.length + " vectors");
    }
    List<Document> documents = new ArrayList<>(chunks.size());
    for (int i = 0; i < vectors.length; i++) {
      documents.add(toDocument(chunks.get(i), Vectors.unitCopy(vectors[i], spec.dimension())));
    }
    withWriteLock(
        () -> {
          List<Integer> held = new ArrayList<>();
          withSearcher(
              searcher -> {
                for (int i = 0; i < chunks.size(); i++) {
                  if (searcher.count(new TermQuery(new Term(CHUNK_ID, chunks.get(i).id()))) > 0) {
                    held.add(i);
                  }
                }
                return null;
              });
          if (!held.isEmpty()) {
            write(
                writer -> {
                  for (int i : held) {
                    writer.updateDocument(new Term(CHUNK_ID, chunks.get(i).id()), documents.get(i));
                  }
                });
          }
          return null;
        });
  }

  @Override
  public int deleteDocument(String documentId) throws IOException {
    Term term = new Term(DOC_ID, Objects.requireNonNull(documentId, "documentId"));
    return withWriteLock(
        () -> {
          int count = withSearcher(searcher -> searcher.count(new TermQuery(term)));
          if (count > 0) {
            write(writer -> writer.deleteDocuments(term));
          }
          return count;
        });
  }

  @Override
  public List<ScoredChunk> vectorSearch(float[] query, int k) throws IOException {
    return vectorSearch(query, k, true);
  }

  @Override
  public List<ScoredChunk> vectorCandidates(float[] query, int k) throws IOException {
    return vectorSearch(query, k, false);
  }

  private List<ScoredChunk> vectorSearch(float[] query, int k, boolean withText)
      throws IOException {
    float[] target = Vectors.unitCopy(query, spec.dimension());
    return withReadLock(
        () ->
            withSearcher(
                searcher -> {
                  int n = Math.min(k, searcher.getIndexReader().numDocs());
                  if (n <= 0) {
                    return List.of();
                  }
                  Query q =
                      new KnnFloatVectorQuery(
                          VECTOR, target, Math.max(n, settings.searchCandidates()));
                  return hits(searcher, searcher.search(q, n), true, withText);
                }));
  }

  @Override
  public List<ScoredChunk> keywordSearch(String query, int k) throws IOException {
    return keywordSearch(query, k, true);
  }

  /**
   * Candidates without their text: reading ~1 KB of text for each of 200 candidates is most of what
   * a keyword search costs after BM25 itself.
   */
  @Override
  public List<ScoredChunk> keywordCandidates(String query, int k) throws IOException {
    return keywordSearch(query, k, false);
  }

  private List<ScoredChunk> keywordSearch(String query, int k, boolean withText)
      throws IOException {
    Objects.requireNonNull(query, "query");
    return withReadLock(
        () ->
            withSearcher(
                searcher -> {
                  int n = Math.min(k, searcher.getIndexReader().numDocs());
                  if (n <= 0) {
                    return List.of();
                  }
                  Query q = KeywordQueries.build(settings.analyzer(), TEXT, query);
                  return q == null
                      ? List.of()
                      : hits(searcher, searcher.search(q, n), false, withText);
                }));
  }

  /**
   * Each candidate's chunk read whole, found by its id; candidates deleted meanwhile are dropped.
   */
  @Override
  public List<ScoredChunk> withText(List<ScoredChunk> hits) throws IOException {
    return withReadLock(
        () ->
            withSearcher(
                searcher -> {
                  List<ScoredChunk> out = new ArrayList<>(hits.size());
                  for (ScoredChunk hit : hits) {
                    TopDocs found =
                        searcher.search(new TermQuery(new Term(CHUNK_ID, hit.chunk().id())), 1);
                    if (found.scoreDocs.length == 1) {
                      Chunk chunk = hits(searcher, found, false, true).get(0).chunk();
                      out.add(new ScoredChunk(chunk, hit.score()));
                    }
                  }
                  return out;
                }));
  }

  /** One count query per word: its terms' postings, live documents only. */
  @Override
  public int[] documentFrequencies(List<String> words) throws IOException {
    int[] out = new int[words.size()];
    return withReadLock(
        () ->
            withSearcher(
                searcher -> {
                  for (int i = 0; i < out.length; i++) {
                    Query q = KeywordQueries.build(settings.analyzer(), TEXT, words.get(i));
                    out[i] = q == null ? 0 : searcher.count(q);
                  }
                  return out;
                }));
  }

  @Override
  public int size() {
    try {
      return withReadLock(() -> withSearcher(s -> s.getIndexReader().numDocs()));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the index", e);
    }
  }

  @Override
  public int chunkCount(String documentId) throws IOException {
    Term term = new Term(DOC_ID, Objects.requireNonNull(documentId, "documentId"));
    return withReadLock(() -> withSearcher(s -> s.count(new TermQuery(term))));
  }

  /** Every live document's stored chunk and vector, segment by segment. */
  @Override
  public void forEachChunk(ChunkVisitor visitor) throws IOException {
    withReadLock(
        () ->
            withSearcher(
                searcher -> {
                  for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                    Bits live = leaf.reader().getLiveDocs();
                    BinaryDocValues stored = leaf.reader().getBinaryDocValues(STORED);
                    FloatVectorValues vectors = leaf.reader().getFloatVectorValues(VECTOR);
                    if (stored == null || vectors == null) {
                      continue;
                    }
                    KnnVectorValues.DocIndexIterator ords = vectors.iterator();
                    for (int doc = ords.nextDoc();
                        doc != DocIdSetIterator.NO_MORE_DOCS;
                        doc = ords.nextDoc()) {
                      if (live != null && !live.get(doc)) {
                        continue;
                      }
                      if (!stored.advanceExact(doc)) {
                        throw new IOException("index document " + doc + " has no stored chunk");
                      }
                      visitor.accept(
                          ChunkCodec.decode(stored.binaryValue()),
                          vectors.vectorValue(ords.index()).clone());
                    }
                  }
                  return null;
                }));
  }

  /**
   * The bytes of the in-memory directory (none for an index on disk, which is memory-mapped) plus
   * an estimate of what each open segment keeps on the heap.
   */
  @Override
  public long ramBytesUsed() {
    try {
      return withReadLock(
          () -> {
            long bytes = BASE_OVERHEAD_BYTES;
            if (inMemory) {
              for (String file : directory.listAll()) {
                try {
                  bytes += directory.fileLength(file);
                } catch (NoSuchFileException e) {
                  // deleted by a concurrent write
                }
              }
            }
            int segments = withSearcher(s -> s.getIndexReader().leaves().size());
            return bytes + segments * SEGMENT_OVERHEAD_BYTES;
          });
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the index", e);
    }
  }

  @Override
  public void close() throws IOException {
    lifecycle.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      IOUtils.close(searchers, directory);
    } finally {
      searchers = null;
      directory = null;
      lifecycle.writeLock().unlock();
    }
  }

  @FunctionalInterface
  private interface IOAction<T> {
    T run() throws IOException;
  }

  @FunctionalInterface
  private interface SearcherAction<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  @FunctionalInterface
  private interface WriterAction {
    void apply(IndexWriter writer) throws IOException;
  }

  private <T> T withReadLock(IOAction<T> action) throws IOException {
    lifecycle.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("index is closed");
      }
      return action.run();
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  private <T> T withWriteLock(IOAction<T> action) throws IOException {
    return withReadLock(
        () -> {
          writeLock.lock();
          try {
            return action.run();
          } finally {
            writeLock.unlock();
          }
        });
  }

  private <T> T withSearcher(SearcherAction<T> action) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return action.apply(searcher);
    } finally {
      searchers.release(searcher);
    }
  }

  /** Opens a writer, applies {@code action}, commits, closes the writer and refreshes searches. */
  private void write(WriterAction action) throws IOException {
    IndexWriter writer = new IndexWriter(directory, writerConfig(settings, codec, spec));
    boolean success = false;
    try {
      action.apply(writer);
      writer.setLiveCommitData(commitData.entrySet());
      success = true;
    } finally {
      if (success) {
        writer.close();
      } else {
        writer.rollback();
      }
    }
    searchers.maybeRefreshBlocking();
  }

  /**
   * Reads the chunks of {@code top}'s hits. Doc values iterate forwards only, so the hits are
   * visited in document order, one iterator per segment, and returned in score order.
   */
  private static List<ScoredChunk> hits(
      IndexSearcher searcher, TopDocs top, boolean vectorScores, boolean withText)
      throws IOException {
    ScoreDoc[] hits = top.scoreDocs;
    // (document << 32 | hit index), sorted: the hits in document order without boxing
    long[] byDoc = new long[hits.length];
    for (int i = 0; i < hits.length; i++) {
      byDoc[i] = (long) hits[i].doc << 32 | i;
    }
    Arrays.sort(byDoc);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    Chunk[] chunks = new Chunk[hits.length];
    LeafReaderContext leaf = null;
    BinaryDocValues values = null;
    for (long packed : byDoc) {
      int i = (int) packed;
      int doc = hits[i].doc;
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        values = leaf.reader().getBinaryDocValues(STORED);
      }
      if (values == null || !values.advanceExact(doc - leaf.docBase)) {
        throw new IOException("index document " + doc + " has no stored chunk");
      }
      chunks[i] = ChunkCodec.decode(values.binaryValue(), withText);
    }
    List<ScoredChunk> out = new ArrayList<>(hits.length);
    for (int i = 0; i < hits.length; i++) {
      float score = vectorScores ? Vectors.cosineFromScore(hits[i].score) : hits[i].score;
      out.add(new ScoredChunk(chunks[i], score));
    }
    return out;
  }

  /** The index document of a chunk; without a vector until the chunk is embedded. */
  private static Document toDocument(Chunk chunk, float[] unitVector) throws IOException {
    Objects.requireNonNull(chunk, "chunk");
    Document doc = new Document();
    doc.add(new StringField(DOC_ID, chunk.documentId(), Field.Store.NO));
    doc.add(new StringField(CHUNK_ID, chunk.id(), Field.Store.NO));
    doc.add(new Field(TEXT, chunk.text(), TEXT_TYPE));
    if (unitVector != null) {
      doc.add(new KnnFloatVectorField(VECTOR, unitVector, VectorSimilarityFunction.DOT_PRODUCT));
    }
    doc.add(new BinaryDocValuesField(STORED, ChunkCodec.encode(chunk)));
    return doc;
  }

  private static IndexWriterConfig writerConfig(
      LuceneSettings settings, Codec codec, IndexSpec spec) {
    TieredMergePolicy merges = new TieredMergePolicy();
    merges.setSegmentsPerTier(settings.segmentsPerTier());
    IndexWriterConfig config = new IndexWriterConfig(settings.analyzer());
    config.setCodec(codec);
    config.setOpenMode(IndexWriterConfig.OpenMode.APPEND);
    config.setMergeScheduler(new SerialMergeScheduler());
    config.setCommitOnClose(true);
    if (spec.directory() == null) {
      config.setUseCompoundFile(false); // compound files would only copy bytes within the heap
      merges.setNoCFSRatio(0);
    }
    config.setMergePolicy(merges);
    return config;
  }

  /** Lucene's current codec with {@code vectors} for the vector field. */
  static Codec codec(KnnVectorsFormat vectors) {
    return new Lucene104Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return vectors;
      }
    };
  }

  private static Map<String, String> commitData(IndexSpec spec) {
    return Map.of(
        MODEL_KEY,
        spec.embeddingModel(),
        DIMENSION_KEY,
        String.valueOf(spec.dimension()),
        FORMAT_KEY,
        FORMAT);
  }

  /** Refuses to reopen an index built for another model or dimension, or by another format. */
  private static void checkCompatible(Directory directory, IndexSpec spec) throws IOException {
    Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
    String model = data.get(MODEL_KEY);
    String dimension = data.get(DIMENSION_KEY);
    if (!FORMAT.equals(data.get(FORMAT_KEY))) {
      throw new IOException("not a Cogent-X index or an unsupported format: " + spec.directory());
    }
    if (!spec.embeddingModel().equals(model)
        || !String.valueOf(spec.dimension()).equals(dimension)) {
      throw new IllegalArgumentException(
          "index at "
              + spec.directory()
              + " holds vectors of model "
              + model
              + " with dimension "
              + dimension
              + ", not of model "
              + spec.embeddingModel()
              + " with dimension "
              + spec.dimension());
    }
  }

  private static FieldType textType() {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setStored(false);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    type.freeze();
    return type;
  }
}

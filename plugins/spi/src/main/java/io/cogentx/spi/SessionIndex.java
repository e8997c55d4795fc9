package io.cogentx.spi;

import java.io.IOException;
import java.util.List;

/**
 * One session's index of chunks: vectors for nearest-neighbour search and text for keyword (BM25)
 * search. The server fuses the two; a backend only answers each kind. Implementations are
 * thread-safe.
 */
public interface SessionIndex extends AutoCloseable {

  IndexSpec spec();

  /**
   * Adds chunks with their vectors ({@code vectors[i]} belongs to {@code chunks.get(i)}). A {@code
   * null} vector adds a chunk not embedded yet: keyword search finds it at once, vector search once
   * {@link #addVectors} has given it its vector (documents become searchable while they are read).
   */
  void add(List<Chunk> chunks, float[][] vectors) throws IOException;

  /**
   * Gives chunks added without a vector their vectors, matched by {@link Chunk#id()}; chunks the
   * index does not hold (deleted meanwhile) are ignored. The chunks' other fields are unchanged.
   */
  void addVectors(List<Chunk> chunks, float[][] vectors) throws IOException;

  /** Removes every chunk of a document; returns how many were removed. */
  int deleteDocument(String documentId) throws IOException;

  /** The {@code k} chunks whose vectors are nearest to {@code query} (cosine), best first. */
  List<ScoredChunk> vectorSearch(float[] query, int k) throws IOException;

  /** The {@code k} best chunks for {@code query} by BM25, best first. */
  List<ScoredChunk> keywordSearch(String query, int k) throws IOException;

  /**
   * Like {@link #keywordSearch}, for ranking candidates of which the caller keeps only a few: the
   * chunks may come without their text ({@code ""}) when the backend reads it back later cheaper
   * ({@link #withText}) than it reads every candidate's. The default is {@link #keywordSearch}.
   */
  default List<ScoredChunk> keywordCandidates(String query, int k) throws IOException {
    return keywordSearch(query, k);
  }

  /**
   * Like {@link #vectorSearch}, the chunks possibly without their text; see {@link
   * #keywordCandidates}.
   */
  default List<ScoredChunk> vectorCandidates(float[] query, int k) throws IOException {
    return vectorSearch(query, k);
  }

  /**
   * Candidates ({@link #keywordCandidates}, {@link #vectorCandidates}) with their chunks whole, in
   * the same order with the same scores; a backend that reads chunks back leaves out a candidate
   * whose chunk it no longer holds. The default returns {@code hits} as given (its candidates are
   * whole).
   */
  default List<ScoredChunk> withText(List<ScoredChunk> hits) throws IOException {
    return hits;
  }

  /**
   * How many chunks hold each of {@code words} ({@code [i]} for {@code words.get(i)}), as keyword
   * search matches it: after this index's text analysis, so a stop word or a word no chunk has
   * counts 0, and a word that analyses to several terms counts the chunks holding any of them.
   * Tells how rare a word is in this session, or that the session has never seen it. The default
   * runs one keyword search per word; backends answer from their term statistics instead.
   */
  default int[] documentFrequencies(List<String> words) throws IOException {
    int[] out = new int[words.size()];
    int n = size();
    for (int i = 0; i < out.length && n > 0; i++) {
      out[i] = keywordSearch(words.get(i), n).size();
    }
    return out;
  }

  /** Number of chunks held. */
  int size();

  /**
   * How many chunks of the document the index holds, so a server can tell whether an index it
   * reopened holds what its session store holds; {@code -1} when the backend cannot tell cheaply
   * (the server then rebuilds the index).
   */
  default int chunkCount(String documentId) throws IOException {
    return -1;
  }

  /**
   * Hands every chunk held that has its vector to {@code visitor} with that vector (as indexed: of
   * unit length), e.g. for exporting a session; chunks still waiting for theirs are left out. Order
   * is unspecified. Every backend of the server implements it (the contract tests check); the
   * default says this one cannot.
   */
  default void forEachChunk(ChunkVisitor visitor) throws IOException {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " cannot list the chunks it holds");
  }

  /** Receives chunks with their vectors. */
  @FunctionalInterface
  interface ChunkVisitor {
    void accept(Chunk chunk, float[] vector) throws IOException;
  }

  /** Heap bytes held by this index (approximate), for the admin view and memory limits. */
  long ramBytesUsed();

  /** Frees everything the index holds; further calls fail. */
  @Override
  void close() throws IOException;
}

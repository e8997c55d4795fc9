package io.cogentx.spi;

import java.util.List;

/** A sentence-embedding model. Implementations are thread-safe. */
public interface Embedder extends AutoCloseable {

  /** The model name recorded with every index built from these vectors. */
  String modelName();

  /** Length of every vector. */
  int dimension();

  /** The longest input in model tokens; longer texts are truncated. */
  int maxTokens();

  /** Number of model tokens in {@code text} (without special tokens), for chunking. */
  int countTokens(String text);

  /** One L2-normalised vector per text, in order. */
  float[][] embed(List<String> texts);

  default float[] embed(String text) {
    return embed(List.of(text))[0];
  }

  /**
   * The vector of a search query, to be compared with passages' {@link #embed} vectors. Asymmetric
   * models (BGE) put an instruction before queries; by default a query is embedded like a passage.
   */
  default float[] embedQuery(String query) {
    return embed(query);
  }

  @Override
  default void close() {}
}

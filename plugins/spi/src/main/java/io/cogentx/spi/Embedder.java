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

  @Override
  default void close() {}
}

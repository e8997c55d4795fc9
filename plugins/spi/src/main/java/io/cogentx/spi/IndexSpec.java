package io.cogentx.spi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What an index is built for.
 *
 * @param embeddingModel name of the model whose vectors the index holds; never mixed within an
 *     index
 * @param dimension vector length
 * @param directory where to keep the index on disk, or {@code null} for memory only
 */
public record IndexSpec(String embeddingModel, int dimension, Path directory) {

  public IndexSpec {
    Objects.requireNonNull(embeddingModel, "embeddingModel");
    if (dimension <= 0) {
      throw new IllegalArgumentException("dimension must be positive: " + dimension);
    }
  }

  public static IndexSpec inMemory(String embeddingModel, int dimension) {
    return new IndexSpec(embeddingModel, dimension, null);
  }
}

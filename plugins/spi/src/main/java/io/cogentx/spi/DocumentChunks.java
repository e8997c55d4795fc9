package io.cogentx.spi;

import java.util.List;
import java.util.Objects;

/**
 * A document's chunks with their vectors, {@code vectors[i]} belonging to {@code chunks.get(i)}.
 */
public record DocumentChunks(List<Chunk> chunks, float[][] vectors) {

  public DocumentChunks {
    chunks = List.copyOf(chunks);
    Objects.requireNonNull(vectors, "vectors");
    if (chunks.size() != vectors.length) {
      throw new IllegalArgumentException(
          chunks.size() + " chunks but " + vectors.length + " vectors");
    }
  }
}

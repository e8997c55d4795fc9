package io.cogentx.retrieval;

import io.cogentx.spi.Embedder;
import io.cogentx.spi.IndexSpec;

/** An index built from one model's vectors met another model: vectors of the two never mix. */
public final class EmbeddingMismatchException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  public EmbeddingMismatchException(IndexSpec index, Embedder embedder) {
    super(
        "This index holds vectors of model "
            + index.embeddingModel()
            + " ("
            + index.dimension()
            + " dimensions) but the server embeds with "
            + embedder.modelName()
            + " ("
            + embedder.dimension()
            + " dimensions); they cannot be mixed. Delete the session's data or configure "
            + index.embeddingModel()
            + ".");
  }

  public EmbeddingMismatchException(String message) {
    super(message);
  }

  /** Throws unless {@code embedder} produced (or can query) the vectors of {@code index}. */
  static void requireCompatible(IndexSpec index, Embedder embedder) {
    if (!index.embeddingModel().equals(embedder.modelName())
        || index.dimension() != embedder.dimension()) {
      throw new EmbeddingMismatchException(index, embedder);
    }
  }
}

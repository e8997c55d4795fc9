package io.cogentx.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A document's record in a session store.
 *
 * @param id the document's id within its session (16 hex digits)
 * @param chunks how many chunks it has
 * @param embeddingModel the model its vectors were made with
 * @param dimension their length
 * @param addedAt when it was added
 * @param metadata what the server lists about it (title, file name, …), as the server wrote it (a
 *     JSON object); opaque to the store, which keeps it as it is
 */
public record StoredDocument(
    String id, int chunks, String embeddingModel, int dimension, Instant addedAt, String metadata) {

  public StoredDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(embeddingModel, "embeddingModel");
    Objects.requireNonNull(addedAt, "addedAt");
    Objects.requireNonNull(metadata, "metadata");
  }
}

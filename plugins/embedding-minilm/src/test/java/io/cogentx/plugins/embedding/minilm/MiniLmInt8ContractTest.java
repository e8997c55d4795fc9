package io.cogentx.plugins.embedding.minilm;

import io.cogentx.spi.EmbedderProvider;
import io.cogentx.spi.contract.EmbedderContract;

/**
 * The SPI's embedder contract for int8 all-MiniLM-L6-v2, whose vectors depend a little on the other
 * texts padded into the same batch.
 */
class MiniLmInt8ContractTest extends EmbedderContract {

  @Override
  protected EmbedderProvider provider() {
    return new AllMiniLmL6V2Int8Provider();
  }

  @Override
  protected double batchTolerance() {
    return 0.02;
  }
}

package io.cogentx.plugins.embedding.onnx;

import io.cogentx.spi.EmbedderProvider;
import io.cogentx.spi.contract.EmbedderContract;

/**
 * The SPI's embedder contract for int8 bge-small-en-v1.5, whose vectors depend a little on the
 * other texts padded into the same batch.
 */
class BgeInt8ContractTest extends EmbedderContract {

  @Override
  protected EmbedderProvider provider() {
    return new BgeSmallEnV15Int8Provider();
  }

  @Override
  protected double batchTolerance() {
    return 0.02;
  }
}

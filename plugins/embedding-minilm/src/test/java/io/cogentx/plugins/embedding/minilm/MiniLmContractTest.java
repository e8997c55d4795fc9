package io.cogentx.plugins.embedding.minilm;

import io.cogentx.spi.EmbedderProvider;
import io.cogentx.spi.contract.EmbedderContract;

/** The SPI's embedder contract for the default model, all-MiniLM-L6-v2 in fp32. */
class MiniLmContractTest extends EmbedderContract {

  @Override
  protected EmbedderProvider provider() {
    return new AllMiniLmL6V2Provider();
  }
}

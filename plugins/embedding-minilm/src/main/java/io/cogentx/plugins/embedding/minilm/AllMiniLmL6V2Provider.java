package io.cogentx.plugins.embedding.minilm;

/** {@code all-MiniLM-L6-v2} in full precision (fp32): the default embedding model. */
public final class AllMiniLmL6V2Provider extends MiniLmProvider {

  public AllMiniLmL6V2Provider() {
    super(MiniLmVariant.FP32);
  }
}

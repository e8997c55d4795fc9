package io.cogentx.plugins.embedding.onnx;

/** {@code all-MiniLM-L6-v2} in full precision (fp32). */
public final class AllMiniLmL6V2Provider extends OnnxEmbedderProvider {

  public AllMiniLmL6V2Provider() {
    super(OnnxModel.ALL_MINILM_L6_V2);
  }
}

package io.cogentx.plugins.embedding.onnx;

/** {@code bge-small-en-v1.5} in full precision (fp32). */
public final class BgeSmallEnV15Provider extends OnnxEmbedderProvider {

  public BgeSmallEnV15Provider() {
    super(OnnxModel.BGE_SMALL_EN_V15);
  }
}

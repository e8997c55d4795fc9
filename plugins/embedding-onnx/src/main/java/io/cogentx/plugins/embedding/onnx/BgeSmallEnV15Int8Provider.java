package io.cogentx.plugins.embedding.onnx;

/** {@code bge-small-en-v1.5-int8}: the int8-quantised bge-small-en-v1.5. */
public final class BgeSmallEnV15Int8Provider extends OnnxEmbedderProvider {

  public BgeSmallEnV15Int8Provider() {
    super(OnnxModel.BGE_SMALL_EN_V15_INT8);
  }
}

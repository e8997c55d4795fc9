package io.cogentx.plugins.embedding.onnx;

/**
 * {@code all-MiniLM-L6-v2-int8}: the int8-quantised model, roughly twice as fast; its vectors are
 * close to but not the same as fp32's, so an index records which one built it.
 */
public final class AllMiniLmL6V2Int8Provider extends OnnxEmbedderProvider {

  public AllMiniLmL6V2Int8Provider() {
    super(OnnxModel.ALL_MINILM_L6_V2_INT8);
  }
}

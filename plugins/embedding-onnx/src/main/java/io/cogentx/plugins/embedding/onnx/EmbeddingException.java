package io.cogentx.plugins.embedding.onnx;

/** Inference failed inside ONNX Runtime, or the embedder was used after it was closed. */
public class EmbeddingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public EmbeddingException(String message) {
    super(message);
  }

  public EmbeddingException(String message, Throwable cause) {
    super(message, cause);
  }
}

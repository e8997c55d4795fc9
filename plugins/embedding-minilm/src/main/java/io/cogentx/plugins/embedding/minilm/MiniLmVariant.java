package io.cogentx.plugins.embedding.minilm;

/**
 * The two builds of all-MiniLM-L6-v2 shipped in langchain4j's model jars, with the class-path
 * resources that hold them.
 */
public enum MiniLmVariant {
  /** Full precision: the reference model; vectors do not depend on what else is in a batch. */
  FP32("all-MiniLM-L6-v2", "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json", 4),

  /**
   * Dynamically quantised to int8: about twice as fast, slightly different vectors, and those
   * depend a little on the padding of the batch a text is embedded in.
   */
  INT8("all-MiniLM-L6-v2-int8", "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", 16);

  /** Length of every vector. */
  public static final int DIMENSION = 384;

  /** Longest input in tokens, special tokens included (sentence-transformers' max_seq_length). */
  public static final int MAX_TOKENS = 256;

  private final String modelName;
  private final String modelResource;
  private final String tokenizerResource;
  private final int defaultBatchSize;

  MiniLmVariant(
      String modelName, String modelResource, String tokenizerResource, int defaultBatchSize) {
    this.modelName = modelName;
    this.modelResource = modelResource;
    this.tokenizerResource = tokenizerResource;
    this.defaultBatchSize = defaultBatchSize;
  }

  /** The name configured as {@code EMBEDDING_MODEL_NAME} and recorded with every index. */
  public String modelName() {
    return modelName;
  }

  /** Class-path resource of the ONNX model. */
  public String modelResource() {
    return modelResource;
  }

  /** Class-path resource of the Hugging Face {@code tokenizer.json}. */
  public String tokenizerResource() {
    return tokenizerResource;
  }

  /**
   * Texts per inference when {@code EMBEDDING_BATCH_SIZE} is not set; measured with the test class
   * {@code bench.EmbedderThroughputBench}.
   */
  public int defaultBatchSize() {
    return defaultBatchSize;
  }
}

package io.cogentx.plugins.embedding.onnx;

/**
 * The sentence-embedding models this plugin runs, each shipped in one of langchain4j's model jars
 * (used as resource jars only), with what it takes to embed like the model's authors do.
 */
public enum OnnxModel {
  /** all-MiniLM-L6-v2, full precision: vectors do not depend on what else is in a batch. */
  ALL_MINILM_L6_V2(
      "all-MiniLM-L6-v2",
      "all-minilm-l6-v2.onnx",
      "all-minilm-l6-v2-tokenizer.json",
      Pooling.MEAN,
      256,
      "",
      4),

  /**
   * all-MiniLM-L6-v2 dynamically quantised to int8: about twice as fast, slightly different
   * vectors, and those depend a little on the padding of the batch a text is embedded in.
   */
  ALL_MINILM_L6_V2_INT8(
      "all-MiniLM-L6-v2-int8",
      "all-minilm-l6-v2-q.onnx",
      "all-minilm-l6-v2-q-tokenizer.json",
      Pooling.MEAN,
      256,
      "",
      16),

  /**
   * BAAI's bge-small-en-v1.5, full precision: twelve layers where MiniLM has six, the [CLS] token's
   * vector as the sentence vector, and an instruction before every query.
   */
  BGE_SMALL_EN_V15(
      "bge-small-en-v1.5",
      "bge-small-en-v1.5.onnx",
      "bge-small-en-v1.5-tokenizer.json",
      Pooling.CLS,
      512,
      OnnxModel.BGE_QUERY_INSTRUCTION,
      4),

  /** bge-small-en-v1.5 dynamically quantised to int8. */
  BGE_SMALL_EN_V15_INT8(
      "bge-small-en-v1.5-int8",
      "bge-small-en-v1.5-q.onnx",
      "bge-small-en-v1.5-q-tokenizer.json",
      Pooling.CLS,
      512,
      OnnxModel.BGE_QUERY_INSTRUCTION,
      16);

  /** Length of every vector: all these models are BERT encoders with 384 hidden units. */
  public static final int DIMENSION = 384;

  /**
   * What BGE v1.5 puts before a short query when searching passages (its model card); passages get
   * no instruction.
   */
  public static final String BGE_QUERY_INSTRUCTION =
      "Represent this sentence for searching relevant passages: ";

  private final String modelName;
  private final String modelResource;
  private final String tokenizerResource;
  private final Pooling pooling;
  private final int maxTokens;
  private final String queryPrefix;
  private final int defaultBatchSize;

  OnnxModel(
      String modelName,
      String modelResource,
      String tokenizerResource,
      Pooling pooling,
      int maxTokens,
      String queryPrefix,
      int defaultBatchSize) {
    this.modelName = modelName;
    this.modelResource = modelResource;
    this.tokenizerResource = tokenizerResource;
    this.pooling = pooling;
    this.maxTokens = maxTokens;
    this.queryPrefix = queryPrefix;
    this.defaultBatchSize = defaultBatchSize;
  }

  /** The name configured as {@code EMBEDDING_MODEL_NAME} and recorded with every index. */
  public String modelName() {
    return modelName;
  }

  /**
   * The model's name on the Hugging Face hub, accepted as {@code EMBEDDING_MODEL_NAME} too (the
   * design's default is {@code sentence-transformers/all-MiniLM-L6-v2}); nothing is downloaded.
   */
  public String hubName() {
    return (pooling == Pooling.CLS ? "BAAI/" : "sentence-transformers/") + modelName;
  }

  /** Class-path resource of the ONNX model. */
  public String modelResource() {
    return modelResource;
  }

  /** Class-path resource of the Hugging Face {@code tokenizer.json}. */
  public String tokenizerResource() {
    return tokenizerResource;
  }

  /** How token vectors become one sentence vector. */
  public Pooling pooling() {
    return pooling;
  }

  /**
   * Longest input in tokens, special tokens included (the model's max_seq_length); longer texts are
   * truncated.
   */
  public int maxTokens() {
    return maxTokens;
  }

  /** Put before a search query (not before passages); empty for symmetric models. */
  public String queryPrefix() {
    return queryPrefix;
  }

  /**
   * The same model dynamically quantised to int8 (the model itself if it already is): used to embed
   * queries when {@code EMBEDDING_QUERY_ENCODER=int8}.
   */
  public OnnxModel quantised() {
    return switch (this) {
      case ALL_MINILM_L6_V2 -> ALL_MINILM_L6_V2_INT8;
      case BGE_SMALL_EN_V15 -> BGE_SMALL_EN_V15_INT8;
      case ALL_MINILM_L6_V2_INT8, BGE_SMALL_EN_V15_INT8 -> this;
    };
  }

  /**
   * Texts per inference when {@code EMBEDDING_BATCH_SIZE} is not set; measured with the test class
   * {@code bench.EmbedderThroughputBench}.
   */
  public int defaultBatchSize() {
    return defaultBatchSize;
  }
}

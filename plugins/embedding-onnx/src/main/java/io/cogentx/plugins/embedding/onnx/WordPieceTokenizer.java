package io.cogentx.plugins.embedding.onnx;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * A model's WordPiece tokenizer, loaded from a {@code tokenizer.json} stream only (never by hub
 * name). Two native instances: one that prepares model input (special tokens, truncated to the
 * model's longest input, no padding: batches are padded later, after sorting by length) and one
 * that counts, without special tokens and without truncation. The MiniLM json in the model jar
 * would pad and truncate everything to 128 tokens; the options here override that. Thread-safe.
 */
final class WordPieceTokenizer implements AutoCloseable {

  private final HuggingFaceTokenizer forModel;
  private final HuggingFaceTokenizer forCounting;

  private WordPieceTokenizer(HuggingFaceTokenizer forModel, HuggingFaceTokenizer forCounting) {
    this.forModel = forModel;
    this.forCounting = forCounting;
  }

  static WordPieceTokenizer load(String tokenizerResource, int maxTokens) throws IOException {
    HuggingFaceTokenizer forModel =
        open(
            tokenizerResource,
            Map.of(
                "padding", "false",
                "truncation", "true",
                "maxLength", Integer.toString(maxTokens)));
    try {
      HuggingFaceTokenizer forCounting =
          open(
              tokenizerResource,
              Map.of("padding", "false", "truncation", "false", "addSpecialTokens", "false"));
      return new WordPieceTokenizer(forModel, forCounting);
    } catch (IOException | RuntimeException e) {
      forModel.close();
      throw e;
    }
  }

  private static HuggingFaceTokenizer open(String resource, Map<String, String> options)
      throws IOException {
    try (InputStream json = ModelResources.open(resource)) {
      return HuggingFaceTokenizer.newInstance(json, options);
    }
  }

  /** Word pieces in {@code text}, without {@code [CLS]}/{@code [SEP]} and without truncation. */
  int countTokens(String text) {
    return forCounting.encode(text).getIds().length;
  }

  /** Token ids per text: {@code [CLS] … [SEP]}, at most the model's longest input. */
  long[][] encode(List<String> texts) {
    Encoding[] encodings = forModel.batchEncode(texts.toArray(String[]::new));
    long[][] ids = new long[encodings.length][];
    for (int i = 0; i < encodings.length; i++) {
      ids[i] = encodings[i].getIds();
    }
    return ids;
  }

  @Override
  public void close() {
    forModel.close();
    forCounting.close();
  }
}

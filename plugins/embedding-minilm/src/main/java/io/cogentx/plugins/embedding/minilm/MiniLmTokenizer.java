package io.cogentx.plugins.embedding.minilm;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * The model's WordPiece tokenizer, loaded from a {@code tokenizer.json} stream only (never by hub
 * name). Two native instances: one that prepares model input (special tokens, truncated to {@link
 * MiniLmVariant#MAX_TOKENS}, no padding: batches are padded later, after sorting by length) and one
 * that counts, without special tokens and without truncation. The json in the model jar would pad
 * and truncate everything to 128 tokens; the options here override that. Thread-safe.
 */
final class MiniLmTokenizer implements AutoCloseable {

  private final HuggingFaceTokenizer forModel;
  private final HuggingFaceTokenizer forCounting;

  private MiniLmTokenizer(HuggingFaceTokenizer forModel, HuggingFaceTokenizer forCounting) {
    this.forModel = forModel;
    this.forCounting = forCounting;
  }

  static MiniLmTokenizer load(String tokenizerResource) throws IOException {
    HuggingFaceTokenizer forModel =
        open(
            tokenizerResource,
            Map.of(
                "padding", "false",
                "truncation", "true",
                "maxLength", Integer.toString(MiniLmVariant.MAX_TOKENS)));
    try {
      HuggingFaceTokenizer forCounting =
          open(
              tokenizerResource,
              Map.of("padding", "false", "truncation", "false", "addSpecialTokens", "false"));
      return new MiniLmTokenizer(forModel, forCounting);
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

  /** Token ids per text: {@code [CLS] … [SEP]}, at most {@link MiniLmVariant#MAX_TOKENS}. */
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

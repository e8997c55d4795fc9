package io.cogentx.plugins.embedding.minilm.reference;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.cogentx.plugins.embedding.minilm.ReferenceSentences;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Records reference vectors from a second implementation, langchain4j's own all-MiniLM-L6-v2
 * models, into {@code src/test/resources/reference-vectors.properties}. Run only with the {@code
 * reference-vectors} Maven profile, which puts langchain4j on the test class path:
 *
 * <pre>mvn -B -pl plugins/embedding-minilm -Preference-vectors process-test-classes</pre>
 *
 * <p>langchain4j's tokenizer json truncates at 128 tokens (126 word pieces), ours at 256. Texts of
 * at most 126 word pieces are embedded with the stock {@link AllMiniLmL6V2EmbeddingModel} and
 * {@link AllMiniLmL6V2QuantizedEmbeddingModel}: that comparison is exact. Longer texts go through
 * langchain4j's generic {@link OnnxEmbeddingModel} with the same model file and the same tokenizer
 * json changed only to truncate at 256, which is the documented max_seq_length of the model.
 * langchain4j embeds one text at a time, without padding.
 */
public final class GenerateReferenceVectors {

  /** 128 tokens in langchain4j's tokenizer json, minus [CLS] and [SEP]. */
  private static final int STOCK_LIMIT = 126;

  private GenerateReferenceVectors() {}

  public static void main(String[] args) throws Exception {
    Path target = Path.of(args[0]);
    Path work = Files.createTempDirectory("minilm-reference");
    EmbeddingModel stockFp32 = new AllMiniLmL6V2EmbeddingModel();
    EmbeddingModel stockInt8 = new AllMiniLmL6V2QuantizedEmbeddingModel();
    EmbeddingModel longFp32 =
        truncatingAt256(work, "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json");
    EmbeddingModel longInt8 =
        truncatingAt256(work, "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json");

    Properties out = new Properties();
    for (Map.Entry<String, String> sentence : ReferenceSentences.all().entrySet()) {
      String id = sentence.getKey();
      String text = sentence.getValue();
      int tokens = wordPieces(text);
      boolean stock = tokens <= STOCK_LIMIT;
      out.setProperty(id + ".text", text);
      out.setProperty(id + ".wordPieces", Integer.toString(tokens));
      out.setProperty(
          id + ".source",
          stock
              ? "langchain4j AllMiniLmL6V2(Quantized)EmbeddingModel"
              : "langchain4j OnnxEmbeddingModel, max_length 256");
      out.setProperty(
          id + ".fp32", join((stock ? stockFp32 : longFp32).embed(text).content().vector()));
      out.setProperty(
          id + ".int8", join((stock ? stockInt8 : longInt8).embed(text).content().vector()));
    }
    try (OutputStream os = Files.newOutputStream(target)) {
      out.store(
          os,
          " all-MiniLM-L6-v2 reference vectors recorded with langchain4j-embeddings 1.19.0-beta29.\n"
              + " Regenerate: mvn -B -pl plugins/embedding-minilm -Preference-vectors"
              + " process-test-classes");
    }
    System.out.println("Wrote " + out.size() + " entries to " + target);
  }

  private static int wordPieces(String text) throws IOException {
    try (HuggingFaceTokenizer tokenizer =
        HuggingFaceTokenizer.newInstance(
            resource("all-minilm-l6-v2-tokenizer.json"),
            Map.of("padding", "false", "truncation", "false", "addSpecialTokens", "false"))) {
      return tokenizer.encode(text).getIds().length;
    }
  }

  private static EmbeddingModel truncatingAt256(Path work, String model, String tokenizer)
      throws IOException {
    Path modelFile = work.resolve(model);
    try (InputStream in = resource(model)) {
      Files.copy(in, modelFile);
    }
    String json;
    try (InputStream in = resource(tokenizer)) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String changed = json.replaceFirst("\"max_length\": 128", "\"max_length\": 256");
    if (changed.equals(json)) {
      throw new IllegalStateException("max_length 128 not found in " + tokenizer);
    }
    Path tokenizerFile = work.resolve(tokenizer);
    Files.writeString(tokenizerFile, changed);
    return new OnnxEmbeddingModel(modelFile, tokenizerFile, PoolingMode.MEAN);
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = GenerateReferenceVectors.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException(name + " not on the class path");
    }
    return in;
  }

  private static String join(float[] vector) {
    StringBuilder s = new StringBuilder();
    for (float v : vector) {
      if (!s.isEmpty()) {
        s.append(',');
      }
      s.append(v);
    }
    return s.toString();
  }
}

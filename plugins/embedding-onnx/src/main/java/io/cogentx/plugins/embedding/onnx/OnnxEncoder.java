package io.cogentx.plugins.embedding.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.OrtSession.SessionOptions.ExecutionMode;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import java.io.IOException;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One ONNX Runtime session of a BERT encoder: pads a batch of token ids, runs it, and pools the
 * last hidden state into sentence vectors. {@link OrtSession#run} is thread-safe, so is this.
 */
final class OnnxEncoder implements AutoCloseable {

  private static final String INPUT_IDS = "input_ids";
  private static final String ATTENTION_MASK = "attention_mask";
  private static final String TOKEN_TYPE_IDS = "token_type_ids";
  private static final String LAST_HIDDEN_STATE = "last_hidden_state";

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final boolean wantsTokenTypes;
  private final Set<String> output;
  private final Pooling pooling;

  private OnnxEncoder(OrtEnvironment environment, OrtSession session, Pooling pooling) {
    this.environment = environment;
    this.session = session;
    this.pooling = pooling;
    this.wantsTokenTypes = session.getInputNames().contains(TOKEN_TYPE_IDS);
    Set<String> outputs = session.getOutputNames();
    this.output =
        Set.of(outputs.contains(LAST_HIDDEN_STATE) ? LAST_HIDDEN_STATE : outputs.iterator().next());
  }

  static OnnxEncoder load(String modelResource, Pooling pooling, int intraOpThreads)
      throws IOException, OrtException {
    byte[] model = ModelResources.readAll(modelResource);
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    try (SessionOptions options = new SessionOptions()) {
      options.setIntraOpNumThreads(intraOpThreads);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(ExecutionMode.SEQUENTIAL);
      options.setOptimizationLevel(OptLevel.ALL_OPT);
      // Shapes change with every batch, so planned memory patterns would not be reused.
      options.setMemoryPatternOptimization(false);
      // Idle intra-op threads would otherwise spin and burn CPU the server needs.
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      return new OnnxEncoder(environment, environment.createSession(model, options), pooling);
    }
  }

  /**
   * Embeds the texts {@code rows} of {@code ids} as one padded batch.
   *
   * @param ids token ids of every text of the call, special tokens included
   * @param rows which of them form this batch
   * @return one unit vector per entry of {@code rows}, in that order
   */
  float[][] embed(long[][] ids, int[] rows) throws OrtException {
    int count = rows.length;
    int width = 0;
    for (int row : rows) {
      width = Math.max(width, ids[row].length);
    }
    long[] inputIds = new long[count * width];
    long[] attentionMask = new long[count * width];
    for (int i = 0; i < count; i++) {
      long[] tokens = ids[rows[i]];
      System.arraycopy(tokens, 0, inputIds, i * width, tokens.length);
      Arrays.fill(attentionMask, i * width, i * width + tokens.length, 1L);
    }
    long[] shape = {count, width};
    try (OnnxTensor idsTensor = tensor(inputIds, shape);
        OnnxTensor maskTensor = tensor(attentionMask, shape);
        OnnxTensor typesTensor = tensor(new long[count * width], shape)) {
      Map<String, OnnxTensor> inputs = new HashMap<>();
      inputs.put(INPUT_IDS, idsTensor);
      inputs.put(ATTENTION_MASK, maskTensor);
      if (wantsTokenTypes) {
        inputs.put(TOKEN_TYPE_IDS, typesTensor);
      }
      try (OrtSession.Result result = session.run(inputs, output)) {
        OnnxValue value = result.get(0);
        if (!(value instanceof OnnxTensor hidden)) {
          throw new OrtException("Unexpected model output: " + value.getInfo());
        }
        long[] outShape = hidden.getInfo().getShape();
        if (outShape.length != 3 || outShape[0] != count || outShape[1] != width) {
          throw new OrtException("Unexpected output shape " + Arrays.toString(outShape));
        }
        return pooling.poolAndNormalise(
            hidden.getFloatBuffer(), attentionMask, count, width, (int) outShape[2]);
      }
    }
  }

  private OnnxTensor tensor(long[] values, long[] shape) throws OrtException {
    return OnnxTensor.createTensor(environment, LongBuffer.wrap(values), shape);
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}

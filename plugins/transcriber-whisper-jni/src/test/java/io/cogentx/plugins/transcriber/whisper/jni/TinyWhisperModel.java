package io.cogentx.plugins.transcriber.whisper.jni;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a ggml Whisper model with random weights, in the layout whisper.cpp 1.7 loads (the tensor
 * names and shapes of its {@code whisper_model_load}), but tiny: one encoder and one decoder layer
 * of width 32. No registry here serves Whisper weights, so this is how the in-process path is
 * tested end to end; its words are noise, its plumbing (loading, segments, timestamps) is real.
 */
final class TinyWhisperModel {

  static final int VOCAB = 51864;
  static final int AUDIO_CTX = 1500;
  static final int STATE = 32;
  static final int HEADS = 2;
  static final int TEXT_CTX = 448;
  static final int MELS = 80;
  static final int FFT = 201;
  static final int F32 = 0;
  static final int F16 = 1;

  private record Tensor(String name, int type, int[] dims) {}

  private TinyWhisperModel() {}

  static Path write(Path file, long seed) throws IOException {
    Random random = new Random(seed);
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      int32(out, GgmlModel.MAGIC);
      for (int v :
          new int[] {VOCAB, AUDIO_CTX, STATE, HEADS, 1, TEXT_CTX, STATE, HEADS, 1, MELS, F16}) {
        int32(out, v);
      }
      int32(out, MELS);
      int32(out, FFT);
      for (int i = 0; i < MELS * FFT; i++) {
        float32(out, random.nextFloat() * 0.01f);
      }
      // a few real tokens, with " " (whisper.cpp needs it); the rest it fills in itself
      List<String> tokens = new ArrayList<>();
      for (char c = 'a'; c <= 'z'; c++) {
        tokens.add(String.valueOf(c));
      }
      tokens.addAll(List.of(" ", " the", " and", " country", " you", "."));
      int32(out, tokens.size());
      for (String t : tokens) {
        byte[] b = t.getBytes(StandardCharsets.UTF_8);
        int32(out, b.length);
        out.write(b);
      }
      for (Tensor t : tensors()) {
        int32(out, t.dims().length);
        byte[] name = t.name().getBytes(StandardCharsets.UTF_8);
        int32(out, name.length);
        int32(out, t.type());
        long n = 1;
        for (int d : t.dims()) {
          int32(out, d);
          n *= d;
        }
        out.write(name);
        for (long i = 0; i < n; i++) {
          float w = (float) (random.nextGaussian() * 0.02);
          if (t.type() == F32) {
            float32(
                out, t.name().endsWith("ln.weight") || t.name().contains("_ln.weight") ? 1f : w);
          } else {
            int16(out, Float.floatToFloat16(w));
          }
        }
      }
    }
    return file;
  }

  private static List<Tensor> tensors() {
    List<Tensor> t = new ArrayList<>();
    int s = STATE;
    t.add(new Tensor("encoder.positional_embedding", F32, new int[] {s, AUDIO_CTX}));
    t.add(new Tensor("encoder.conv1.weight", F16, new int[] {3, MELS, s}));
    t.add(new Tensor("encoder.conv1.bias", F32, new int[] {1, s}));
    t.add(new Tensor("encoder.conv2.weight", F16, new int[] {3, s, s}));
    t.add(new Tensor("encoder.conv2.bias", F32, new int[] {1, s}));
    t.add(new Tensor("encoder.ln_post.weight", F32, new int[] {s}));
    t.add(new Tensor("encoder.ln_post.bias", F32, new int[] {s}));
    block(t, "encoder.blocks.0.", false);
    t.add(new Tensor("decoder.positional_embedding", F32, new int[] {s, TEXT_CTX}));
    t.add(new Tensor("decoder.token_embedding.weight", F16, new int[] {s, VOCAB}));
    t.add(new Tensor("decoder.ln.weight", F32, new int[] {s}));
    t.add(new Tensor("decoder.ln.bias", F32, new int[] {s}));
    block(t, "decoder.blocks.0.", true);
    return t;
  }

  private static void block(List<Tensor> t, String p, boolean cross) {
    int s = STATE;
    t.add(new Tensor(p + "mlp_ln.weight", F32, new int[] {s}));
    t.add(new Tensor(p + "mlp_ln.bias", F32, new int[] {s}));
    t.add(new Tensor(p + "mlp.0.weight", F16, new int[] {s, 4 * s}));
    t.add(new Tensor(p + "mlp.0.bias", F32, new int[] {4 * s}));
    t.add(new Tensor(p + "mlp.2.weight", F16, new int[] {4 * s, s}));
    t.add(new Tensor(p + "mlp.2.bias", F32, new int[] {s}));
    for (String a : cross ? List.of("attn", "cross_attn") : List.of("attn")) {
      t.add(new Tensor(p + a + "_ln.weight", F32, new int[] {s}));
      t.add(new Tensor(p + a + "_ln.bias", F32, new int[] {s}));
      t.add(new Tensor(p + a + ".query.weight", F16, new int[] {s, s}));
      t.add(new Tensor(p + a + ".query.bias", F32, new int[] {s}));
      t.add(new Tensor(p + a + ".key.weight", F16, new int[] {s, s}));
      t.add(new Tensor(p + a + ".value.weight", F16, new int[] {s, s}));
      t.add(new Tensor(p + a + ".value.bias", F32, new int[] {s}));
      t.add(new Tensor(p + a + ".out.weight", F16, new int[] {s, s}));
      t.add(new Tensor(p + a + ".out.bias", F32, new int[] {s}));
    }
  }

  private static void int32(OutputStream out, int v) throws IOException {
    out.write(v);
    out.write(v >>> 8);
    out.write(v >>> 16);
    out.write(v >>> 24);
  }

  private static void int16(OutputStream out, short v) throws IOException {
    out.write(v);
    out.write(v >>> 8);
  }

  private static void float32(OutputStream out, float f) throws IOException {
    int32(out, Float.floatToIntBits(f));
  }
}

package io.cogentx.bench;

import io.cogentx.spi.Embedder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Embeddings of a list of texts, kept in bench/target/vector-cache so that a second run of a
 * benchmark does not embed them again. The file name is a hash of the model and the texts.
 */
final class VectorCache {

  private VectorCache() {}

  /** Vectors of {@code texts} by {@code embedder}: from the cache, else embedded and stored. */
  static float[][] embed(Embedder embedder, List<String> texts) throws IOException {
    Path file =
        BenchArgs.benchTarget()
            .resolve("vector-cache")
            .resolve(embedder.modelName() + "-" + hash(embedder.modelName(), texts) + ".f32");
    if (Files.isRegularFile(file)) {
      try (DataInputStream in =
          new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
        int count = in.readInt();
        int dim = in.readInt();
        float[][] out = new float[count][dim];
        for (float[] v : out) {
          for (int d = 0; d < dim; d++) {
            v[d] = in.readFloat();
          }
        }
        return out;
      }
    }
    float[][] vectors = embedSortedByLength(embedder, texts);
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
      out.writeInt(vectors.length);
      out.writeInt(embedder.dimension());
      for (float[] v : vectors) {
        for (float x : v) {
          out.writeFloat(x);
        }
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    return vectors;
  }

  /**
   * Embeds texts of similar length together (the int8 model's vectors depend on the padding of a
   * batch), returning them in the original order.
   */
  private static float[][] embedSortedByLength(Embedder embedder, List<String> texts) {
    Integer[] order = new Integer[texts.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> texts.get(i).length()));
    float[][] out = new float[texts.size()][];
    int step = 512;
    for (int from = 0; from < order.length; from += step) {
      int to = Math.min(order.length, from + step);
      List<String> batch = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        batch.add(texts.get(order[i]));
      }
      float[][] vectors = embedder.embed(batch);
      for (int i = from; i < to; i++) {
        out[order[i]] = vectors[i - from];
      }
    }
    return out;
  }

  private static String hash(String model, List<String> texts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(model.getBytes(StandardCharsets.UTF_8));
      for (String t : texts) {
        sha.update((byte) 0);
        sha.update(t.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

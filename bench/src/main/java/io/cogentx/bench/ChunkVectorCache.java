package io.cogentx.bench;

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
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Chunk vectors of one corpus kept on disk, so that a second run need not embed the corpus again.
 * The file is named by a hash of the model, the embedding batch layout and the chunk texts, so any
 * change to the chunks misses the cache; it also records how long embedding took and when, so a run
 * that reads it can still report the embedding throughput.
 */
final class ChunkVectorCache {

  private static final int MAGIC = 0x43564331; // "CVC1"

  /**
   * Vectors read from the cache, with the embedding time measured when they were stored ({@code
   * NaN} and {@code null} if unknown).
   */
  record Entry(float[][] vectors, double embedSeconds, Instant embeddedAt) {}

  private final Path file;

  ChunkVectorCache(Path dir, String model, String layout, List<String> texts) {
    this.file = dir.resolve(model + "-" + hash(model, layout, texts) + ".f32");
  }

  Optional<Entry> load() throws IOException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      int first = in.readInt();
      boolean timed = first == MAGIC; // files without the header hold no timing
      double seconds = timed ? in.readDouble() : Double.NaN;
      Instant at = timed ? Instant.ofEpochMilli(in.readLong()) : null;
      float[][] out = new float[timed ? in.readInt() : first][in.readInt()];
      for (float[] v : out) {
        for (int d = 0; d < v.length; d++) {
          v[d] = in.readFloat();
        }
      }
      return Optional.of(new Entry(out, seconds, at));
    }
  }

  void store(float[][] vectors, double embedSeconds) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
      out.writeInt(MAGIC);
      out.writeDouble(embedSeconds);
      out.writeLong(System.currentTimeMillis());
      out.writeInt(vectors.length);
      out.writeInt(vectors.length == 0 ? 0 : vectors[0].length);
      for (float[] v : vectors) {
        for (float x : v) {
          out.writeFloat(x);
        }
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
  }

  private static String hash(String model, String layout, List<String> texts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((model + "\n" + layout).getBytes(StandardCharsets.UTF_8));
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

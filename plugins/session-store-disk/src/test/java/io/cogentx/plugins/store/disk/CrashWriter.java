package io.cogentx.plugins.store.disk;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.SessionRef;
import io.cogentx.spi.SessionStorage;
import io.cogentx.spi.StoredDocument;
import io.cogentx.spi.StoredSession;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The process {@link DiskStoreCrashTest} kills: adds documents to one session (and now and then
 * removes one) as fast as it can, printing {@code ACK id} when an add returned, {@code RMV id}
 * before a removal and {@code DEL id} when it returned. What it writes follows from the document
 * id, so the test can check it.
 */
public final class CrashWriter {

  static final String SESSION = "3b241101-e2bb-4255-8caf-4136c566a962";
  static final int DIM = 64;

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    boolean encrypt = Boolean.parseBoolean(args[1]);
    long first = Long.parseLong(args[2]);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    SessionStorage storage =
        new DiskStoreProvider()
            .create(
                PluginContext.of(
                    Map.of(
                        "VECTOR_DB_DIRECTORY", root.toString(),
                        "DISK_STORE_ENCRYPTION", Boolean.toString(encrypt))));
    StoredSession session = storage.open(new SessionRef(SESSION), Instant.now());
    out.println("READY");
    Path spool = Files.createDirectories(root.resolveSibling("spool"));
    for (long n = first; ; n++) {
      String id = id(n);
      Path upload = spool.resolve(id);
      Files.write(upload, fileContent(id));
      Doc d = doc(id);
      session.addDocument(d.record, d.chunks, d.vectors, upload);
      out.println("ACK " + id);
      if (n % 4 == 3) {
        String victim = id(n - 2);
        out.println("RMV " + victim); // from here on it may be gone
        if (session.removeDocument(victim) >= 0) {
          out.println("DEL " + victim);
        }
      }
    }
  }

  static String id(long n) {
    return HexFormat.of().toHexDigits(n);
  }

  record Doc(StoredDocument record, List<Chunk> chunks, float[][] vectors) {}

  static Doc doc(String id) {
    Random r = new Random(id.hashCode());
    int n = 5 + r.nextInt(40);
    List<Chunk> chunks = new ArrayList<>();
    float[][] vectors = new float[n][DIM];
    for (int i = 0; i < n; i++) {
      chunks.add(
          new Chunk(id, "Doc " + id, i, "text " + i + " of " + id, i, i + 1, i, null, null, null));
      for (int d = 0; d < DIM; d++) {
        vectors[i][d] = r.nextFloat();
      }
    }
    StoredDocument record =
        new StoredDocument(
            id, n, "m", DIM, Instant.ofEpochSecond(1_700_000_000L), "{\"id\":\"" + id + "\"}");
    return new Doc(record, chunks, vectors);
  }

  static byte[] fileContent(String id) {
    byte[] b = new byte[20_000 + Math.floorMod(id.hashCode(), 150_000)];
    Arrays.fill(b, (byte) id.charAt(15));
    return b;
  }

  private CrashWriter() {}
}

package io.cogentx.plugins.store.disk;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.DocumentChunks;
import io.cogentx.spi.PendingJob;
import io.cogentx.spi.StoredDocument;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The binary records of the disk store: a 4-byte magic naming the kind and its format version, the
 * fields, and a CRC-32 of all that, so a damaged record is refused rather than misread.
 */
final class Records {

  private static final int DOCUMENT = 0x43584431; // CXD1
  private static final int CHUNKS = 0x43584331; // CXC1: chunks without their location
  private static final int CHUNKS_V2 = 0x43584332; // CXC2: and each chunk's location
  private static final int JOB = 0x43584a31; // CXJ1

  private Records() {}

  /** A document's record and the order it was added in. */
  record Document(StoredDocument document, long sequence) {}

  static byte[] document(StoredDocument d, long sequence) throws IOException {
    return write(
        DOCUMENT,
        out -> {
          out.writeLong(sequence);
          writeString(out, d.id());
          out.writeInt(d.chunks());
          writeString(out, d.embeddingModel());
          out.writeInt(d.dimension());
          writeInstant(out, d.addedAt());
          writeString(out, d.metadata());
        });
  }

  static Document document(byte[] bytes) throws IOException {
    DataInputStream in = read(bytes, DOCUMENT);
    long sequence = in.readLong();
    StoredDocument d =
        new StoredDocument(
            readString(in),
            in.readInt(),
            readString(in),
            in.readInt(),
            readInstant(in),
            readString(in));
    return new Document(d, sequence);
  }

  static byte[] chunks(List<Chunk> chunks, float[][] vectors) throws IOException {
    return write(
        CHUNKS_V2,
        out -> {
          out.writeInt(chunks.size());
          for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            writeString(out, c.documentId());
            writeNullable(out, c.title());
            out.writeInt(c.position());
            writeString(out, c.text());
            out.writeInt(c.startOffset());
            out.writeInt(c.endOffset());
            out.writeBoolean(c.page() != null);
            if (c.page() != null) {
              out.writeInt(c.page());
            }
            writeNullable(out, c.startSeconds());
            writeNullable(out, c.endSeconds());
            writeNullable(out, c.location());
            out.writeInt(vectors[i].length);
            for (float f : vectors[i]) {
              out.writeFloat(f);
            }
          }
        });
  }

  static DocumentChunks chunks(byte[] bytes) throws IOException {
    boolean withLocations =
        bytes.length >= 4 && java.nio.ByteBuffer.wrap(bytes).getInt(0) == CHUNKS_V2;
    DataInputStream in = read(bytes, withLocations ? CHUNKS_V2 : CHUNKS);
    int n = in.readInt();
    List<Chunk> chunks = new ArrayList<>(n);
    float[][] vectors = new float[n][];
    for (int i = 0; i < n; i++) {
      String documentId = readString(in);
      String title = readNullableString(in);
      int position = in.readInt();
      String text = readString(in);
      int start = in.readInt();
      int end = in.readInt();
      Integer page = in.readBoolean() ? in.readInt() : null;
      Double startSeconds = readNullableDouble(in);
      Double endSeconds = readNullableDouble(in);
      String location = withLocations ? readNullableString(in) : null;
      chunks.add(
          new Chunk(
              documentId,
              title,
              position,
              text,
              start,
              end,
              page,
              startSeconds,
              endSeconds,
              location));
      float[] v = new float[in.readInt()];
      for (int d = 0; d < v.length; d++) {
        v[d] = in.readFloat();
      }
      vectors[i] = v;
    }
    return new DocumentChunks(chunks, vectors);
  }

  static byte[] job(PendingJob job) throws IOException {
    return write(
        JOB,
        out -> {
          writeString(out, job.id());
          writeInstant(out, job.createdAt());
          writeString(out, job.metadata());
        });
  }

  static PendingJob job(byte[] bytes) throws IOException {
    DataInputStream in = read(bytes, JOB);
    return new PendingJob(readString(in), readInstant(in), readString(in));
  }

  @FunctionalInterface
  private interface Fields {
    void write(DataOutputStream out) throws IOException;
  }

  private static byte[] write(int magic, Fields fields) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(magic);
    fields.write(out);
    out.flush();
    CRC32 crc = new CRC32();
    crc.update(bytes.toByteArray());
    out.writeLong(crc.getValue());
    return bytes.toByteArray();
  }

  private static DataInputStream read(byte[] bytes, int magic) throws IOException {
    if (bytes.length < 12) {
      throw new IOException("record cut short");
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 8);
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    in.skipNBytes(bytes.length - 8);
    if (in.readLong() != crc.getValue()) {
      throw new IOException("record damaged (checksum)");
    }
    in = new DataInputStream(new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length - 8)));
    int found = in.readInt();
    if (found != magic) {
      throw new IOException("unknown record kind or version " + Integer.toHexString(found));
    }
    return in;
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("record damaged (length)");
    }
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }

  private static void writeNullable(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      writeString(out, s);
    }
  }

  private static String readNullableString(DataInputStream in) throws IOException {
    return in.readBoolean() ? readString(in) : null;
  }

  private static void writeNullable(DataOutputStream out, Double d) throws IOException {
    out.writeBoolean(d != null);
    if (d != null) {
      out.writeDouble(d);
    }
  }

  private static Double readNullableDouble(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readDouble() : null;
  }

  private static void writeInstant(DataOutputStream out, Instant t) throws IOException {
    out.writeLong(t.getEpochSecond());
    out.writeInt(t.getNano());
  }

  private static Instant readInstant(DataInputStream in) throws IOException {
    return Instant.ofEpochSecond(in.readLong(), in.readInt());
  }
}

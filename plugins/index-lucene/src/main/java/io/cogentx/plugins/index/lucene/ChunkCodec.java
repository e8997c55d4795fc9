package io.cogentx.plugins.index.lucene;

import io.cogentx.spi.Chunk;
import java.io.IOException;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * Packs a chunk into one compact stored binary value: a format byte, a flag byte for the optional
 * fields, then variable-length integers and UTF-8 strings. One stored field per chunk keeps
 * Lucene's per-field overhead down. The location (a later field) has a flag bit of its own, so
 * values stored before it existed read back as chunks without one.
 */
final class ChunkCodec {

  private static final byte FORMAT = 1;
  private static final int HAS_TITLE = 1;
  private static final int HAS_PAGE = 1 << 1;
  private static final int HAS_START = 1 << 2;
  private static final int HAS_END = 1 << 3;
  private static final int HAS_LOCATION = 1 << 4;

  private ChunkCodec() {}

  static BytesRef encode(Chunk c) throws IOException {
    ByteBuffersDataOutput out = new ByteBuffersDataOutput(c.text().length() + 64L);
    int flags =
        (c.title() != null ? HAS_TITLE : 0)
            | (c.page() != null ? HAS_PAGE : 0)
            | (c.startSeconds() != null ? HAS_START : 0)
            | (c.endSeconds() != null ? HAS_END : 0)
            | (c.location() != null ? HAS_LOCATION : 0);
    out.writeByte(FORMAT);
    out.writeByte((byte) flags);
    out.writeString(c.documentId());
    if (c.title() != null) {
      out.writeString(c.title());
    }
    out.writeZInt(c.position());
    out.writeZInt(c.startOffset());
    out.writeZInt(c.endOffset() - c.startOffset());
    if (c.page() != null) {
      out.writeZInt(c.page());
    }
    if (c.startSeconds() != null) {
      out.writeLong(Double.doubleToLongBits(c.startSeconds()));
    }
    if (c.endSeconds() != null) {
      out.writeLong(Double.doubleToLongBits(c.endSeconds()));
    }
    if (c.location() != null) {
      out.writeString(c.location());
    }
    out.writeString(c.text());
    return new BytesRef(out.toArrayCopy());
  }

  static Chunk decode(BytesRef bytes) throws IOException {
    return decode(bytes, true);
  }

  /** The chunk, its text left out ({@code ""}) unless {@code withText}: the text is stored last. */
  static Chunk decode(BytesRef bytes, boolean withText) throws IOException {
    ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
    byte format = in.readByte();
    if (format != FORMAT) {
      throw new IllegalStateException("unknown stored chunk format " + format);
    }
    int flags = in.readByte();
    String documentId = in.readString();
    String title = (flags & HAS_TITLE) != 0 ? in.readString() : null;
    int position = in.readZInt();
    int startOffset = in.readZInt();
    int endOffset = startOffset + in.readZInt();
    Integer page = (flags & HAS_PAGE) != 0 ? in.readZInt() : null;
    Double start = (flags & HAS_START) != 0 ? Double.longBitsToDouble(in.readLong()) : null;
    Double end = (flags & HAS_END) != 0 ? Double.longBitsToDouble(in.readLong()) : null;
    String location = (flags & HAS_LOCATION) != 0 ? in.readString() : null;
    String text = withText ? in.readString() : "";
    return new Chunk(
        documentId, title, position, text, startOffset, endOffset, page, start, end, location);
  }
}

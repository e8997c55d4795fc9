package io.cogentx.plugins.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.spi.Chunk;
import org.junit.jupiter.api.Test;

class ChunkCodecTest {

  @Test
  void roundTripsEveryField() throws Exception {
    Chunk chunk =
        new Chunk(
            "doc-ü",
            "Tïtle 😀",
            7,
            "Text with ünïcode 😀",
            120,
            140,
            3,
            1.5,
            2.25,
            "sheet Ümsatz 😀");

    assertThat(ChunkCodec.decode(ChunkCodec.encode(chunk))).isEqualTo(chunk);
  }

  @Test
  void roundTripsAbsentOptionalFields() throws Exception {
    Chunk chunk = new Chunk("d", null, 0, "", 0, 0, null, null, null, null);

    assertThat(ChunkCodec.decode(ChunkCodec.encode(chunk))).isEqualTo(chunk);
  }

  @Test
  void readsValuesStoredBeforeChunksHadALocation() throws Exception {
    // format 1, flags HAS_TITLE|HAS_PAGE, then id, title, position, start, length, page, text
    org.apache.lucene.store.ByteBuffersDataOutput out =
        new org.apache.lucene.store.ByteBuffersDataOutput();
    out.writeByte((byte) 1);
    out.writeByte((byte) 0b11);
    out.writeString("d");
    out.writeString("T");
    out.writeZInt(3);
    out.writeZInt(10);
    out.writeZInt(4);
    out.writeZInt(2);
    out.writeString("text");

    assertThat(ChunkCodec.decode(new org.apache.lucene.util.BytesRef(out.toArrayCopy())))
        .isEqualTo(new Chunk("d", "T", 3, "text", 10, 14, 2, null, null, null));
  }

  @Test
  void storesLittleMoreThanTheText() throws Exception {
    String text = "x".repeat(1000);
    Chunk chunk = new Chunk("document-1", "A title", 12, text, 12_000, 13_000, 4, null, null, null);

    assertThat(ChunkCodec.encode(chunk).length).isLessThan(text.length() + 40);
  }
}

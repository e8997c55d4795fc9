package io.cogentx.plugins.loader.pdf;

import java.io.IOException;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadView;

/**
 * A page's decoded content stream in one array, read byte by byte by PDFBox's content parser.
 * PDFBox's own buffer classes go through {@code ByteBuffer} positioning and closed-checks on every
 * {@code peek}/{@code rewind}, which the tokenizer calls for nearly every byte.
 */
final class ByteArrayContent implements RandomAccessRead {

  private final byte[] bytes;
  private int position;
  private boolean closed;

  ByteArrayContent(byte[] bytes) {
    this.bytes = bytes;
  }

  @Override
  public int read() {
    return position < bytes.length ? bytes[position++] & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (position >= bytes.length) {
      return -1;
    }
    int n = Math.min(len, bytes.length - position);
    System.arraycopy(bytes, position, b, off, n);
    position += n;
    return n;
  }

  @Override
  public int peek() {
    return position < bytes.length ? bytes[position] & 0xff : -1;
  }

  @Override
  public void rewind(int count) throws IOException {
    seek((long) position - count);
  }

  @Override
  public long getPosition() {
    return position;
  }

  @Override
  public void seek(long newPosition) throws IOException {
    if (newPosition < 0) {
      throw new IOException("Invalid position " + newPosition);
    }
    position = (int) Math.min(newPosition, bytes.length);
  }

  @Override
  public long length() {
    return bytes.length;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public boolean isEOF() {
    return position >= bytes.length;
  }

  @Override
  public int available() {
    return bytes.length - position;
  }

  @Override
  public RandomAccessReadView createView(long start, long length) {
    return new RandomAccessReadView(this, start, length);
  }

  @Override
  public void close() {
    closed = true;
  }
}

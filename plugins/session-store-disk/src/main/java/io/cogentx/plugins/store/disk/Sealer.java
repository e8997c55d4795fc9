package io.cogentx.plugins.store.disk;

import io.cogentx.spi.KeptFile;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals what one session writes: with AES-256-GCM under the session's key when encrypting, as it is
 * otherwise. Every sealed piece is bound to its name in the session (additional authenticated
 * data), so pieces cannot be swapped between documents or sessions unnoticed. Records are sealed
 * whole; files in segments of {@value #SEGMENT} bytes, each with its own nonce and tag, so a byte
 * range is read without decrypting the whole file. Encrypted pieces can always be read back, also
 * after encryption was turned off.
 */
final class Sealer {

  static final int SEGMENT = 64 * 1024;
  private static final int TAG_BYTES = 16;
  private static final int NONCE_BYTES = 12;
  private static final byte[] RECORD_MAGIC = "CXE1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FILE_MAGIC = "CXF1".getBytes(StandardCharsets.US_ASCII);
  private static final int FILE_HEADER = 4 + 8 + 8;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The suffix of a file's name when it is sealed. */
  static final String SEALED_SUFFIX = ".sealed";

  private final SecretKeySpec key;
  private final boolean encrypt;

  /**
   * @param key the session's key, or {@code null} when the store has no keys (never encrypted)
   */
  Sealer(byte[] key, boolean encrypt) {
    this.key = key == null ? null : new SecretKeySpec(key, "AES");
    this.encrypt = encrypt && key != null;
  }

  boolean encrypts() {
    return encrypt;
  }

  /** A record's bytes as written: encrypted when encrypting. */
  byte[] seal(byte[] plain, String name) throws IOException {
    if (!encrypt) {
      return plain;
    }
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, aad(name), plain, 0, plain.length);
    ByteBuffer out = ByteBuffer.allocate(RECORD_MAGIC.length + NONCE_BYTES + sealed.length);
    return out.put(RECORD_MAGIC).put(nonce).put(sealed).array();
  }

  /** A record's plain bytes, whether it was written encrypted or not. */
  byte[] unseal(byte[] stored, String name) throws IOException {
    if (stored.length < RECORD_MAGIC.length
        || !Arrays.equals(stored, 0, RECORD_MAGIC.length, RECORD_MAGIC, 0, RECORD_MAGIC.length)) {
      return stored;
    }
    if (key == null) {
      throw new IOException(name + " is encrypted and this store has no key");
    }
    byte[] nonce = Arrays.copyOfRange(stored, 4, 4 + NONCE_BYTES);
    int from = 4 + NONCE_BYTES;
    return crypt(Cipher.DECRYPT_MODE, nonce, aad(name), stored, from, stored.length - from);
  }

  /**
   * Takes {@code source} as the file {@code target} (plain) or {@code target + .sealed}
   * (encrypted), not yet synced; returns the path written. {@code source} is gone afterwards.
   */
  Path sealFile(Path source, Path target, String name) throws IOException {
    if (!encrypt) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    }
    Path sealed = target.resolveSibling(target.getFileName() + SEALED_SUFFIX);
    Path temp = target.resolveSibling(target.getFileName() + AtomicFiles.TEMP_MARK + "sealing");
    long size = Files.size(source);
    byte[] prefix = new byte[8];
    RANDOM.nextBytes(prefix);
    try (InputStream in = Files.newInputStream(source);
        OutputStream out = Files.newOutputStream(temp)) {
      out.write(ByteBuffer.allocate(FILE_HEADER).put(FILE_MAGIC).putLong(size).put(prefix).array());
      byte[] plain = new byte[SEGMENT];
      long segments = Math.max(1, (size + SEGMENT - 1) / SEGMENT);
      for (int i = 0; i < segments; i++) {
        int n = in.readNBytes(plain, 0, SEGMENT);
        out.write(
            crypt(
                Cipher.ENCRYPT_MODE,
                nonce(prefix, i),
                segmentAad(name, size, i, i == segments - 1),
                plain,
                0,
                n));
      }
    }
    AtomicFiles.move(temp, sealed);
    Files.delete(source);
    return sealed;
  }

  /** The kept file at {@code stored} ({@code .sealed}: encrypted). */
  KeptFile keptFile(Path stored, String name) {
    if (!stored.getFileName().toString().endsWith(SEALED_SUFFIX)) {
      return new KeptFile() {
        @Override
        public long size() throws IOException {
          return Files.size(stored);
        }

        @Override
        public InputStream open(long offset) throws IOException {
          InputStream in = Files.newInputStream(stored);
          in.skipNBytes(offset);
          return in;
        }
      };
    }
    return new KeptFile() {
      @Override
      public long size() throws IOException {
        try (InputStream in = Files.newInputStream(stored)) {
          return header(in, stored).getLong(4);
        }
      }

      @Override
      public InputStream open(long offset) throws IOException {
        return new SegmentStream(stored, name, offset);
      }
    };
  }

  private ByteBuffer header(InputStream in, Path stored) throws IOException {
    if (key == null) {
      throw new IOException(stored.getFileName() + " is encrypted and this store has no key");
    }
    byte[] header = in.readNBytes(FILE_HEADER);
    if (header.length != FILE_HEADER || !Arrays.equals(header, 0, 4, FILE_MAGIC, 0, 4)) {
      throw new IOException("not a sealed file: " + stored.getFileName());
    }
    return ByteBuffer.wrap(header);
  }

  /** Decrypts segment by segment from a byte offset. */
  private final class SegmentStream extends InputStream {
    private final InputStream in;
    private final String name;
    private final long size;
    private final byte[] prefix = new byte[8];
    private final long segments;
    private long index;
    private byte[] plain = new byte[0];
    private int position;

    SegmentStream(Path stored, String name, long offset) throws IOException {
      this.in = Files.newInputStream(stored);
      this.name = name;
      try {
        ByteBuffer header = header(in, stored);
        this.size = header.getLong(4);
        header.position(12);
        header.get(prefix);
        this.segments = Math.max(1, (size + SEGMENT - 1) / SEGMENT);
        long first = Math.min(offset, size) / SEGMENT;
        in.skipNBytes(first * (SEGMENT + TAG_BYTES));
        this.index = first;
        if (offset < size) {
          next();
          position = (int) (offset % SEGMENT);
        } else {
          index = segments; // at or past the end: nothing to read
        }
      } catch (IOException | RuntimeException e) {
        in.close();
        throw e;
      }
    }

    private boolean next() throws IOException {
      if (index >= segments) {
        return false;
      }
      boolean last = index == segments - 1;
      int length = last ? (int) (size - index * SEGMENT) + TAG_BYTES : SEGMENT + TAG_BYTES;
      byte[] sealed = in.readNBytes(length);
      if (sealed.length != length) {
        throw new EOFException("sealed file cut short");
      }
      plain =
          crypt(
              Cipher.DECRYPT_MODE,
              nonce(prefix, index),
              segmentAad(name, size, index, last),
              sealed,
              0,
              length);
      position = 0;
      index++;
      return true;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (position >= plain.length) {
        if (!next()) {
          return -1;
        }
      }
      int n = Math.min(len, plain.length - position);
      System.arraycopy(plain, position, b, off, n);
      position += n;
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  private byte[] crypt(int mode, byte[] nonce, byte[] aad, byte[] data, int from, int length)
      throws IOException {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
      cipher.updateAAD(aad);
      return cipher.doFinal(data, from, length);
    } catch (AEADBadTagException e) {
      throw new IOException("stored data failed its integrity check (tampered or wrong key)", e);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot " + (mode == Cipher.ENCRYPT_MODE ? "encrypt" : "decrypt"), e);
    }
  }

  private static byte[] aad(String name) {
    return name.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] segmentAad(String name, long size, long index, boolean last) {
    byte[] n = aad(name);
    return ByteBuffer.allocate(n.length + 8 + 8 + 1)
        .put(n)
        .putLong(size)
        .putLong(index)
        .put((byte) (last ? 1 : 0))
        .array();
  }

  private static byte[] nonce(byte[] prefix, long index) {
    return ByteBuffer.allocate(NONCE_BYTES).put(prefix).putInt((int) index).array();
  }
}

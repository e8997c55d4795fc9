package io.cogentx.spi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A session as a session store sees it. {@link #storageKey()} (the SHA-256 of the id in hex) is
 * what a store names the session's data by; the id itself is for deriving secrets only (a store
 * that encrypts may derive the session's key from it) and must never be written down or logged.
 * {@link #toString()} shows the short hash only.
 *
 * @param id the session id (a canonical UUID v4)
 */
public record SessionRef(String id) {

  public SessionRef {
    Objects.requireNonNull(id, "id");
  }

  /** The whole SHA-256 of the id in hex: the name of the session's directory, row or key. */
  public String storageKey() {
    return storageKey(id);
  }

  /** The first 10 hex digits of {@link #storageKey()}: how logs name the session. */
  public String hash() {
    return storageKey().substring(0, 10);
  }

  /** The storage key of a session id. */
  public static String storageKey(String id) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  @Override
  public String toString() {
    return "SessionRef[" + hash() + "]";
  }
}

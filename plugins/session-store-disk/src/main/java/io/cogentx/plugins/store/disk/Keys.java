package io.cogentx.plugins.store.disk;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives a session's encryption key from its id with HKDF-SHA256 (RFC 5869): the id is the input
 * key material, the optional {@code STORE_KEY} the salt. The id is a random UUID (122 bits) the
 * server never writes down (directories are named by its SHA-256, which this derivation does not
 * reveal), so what is on disk cannot be read without the id each user keeps in their browser.
 */
final class Keys {

  private static final byte[] INFO =
      "cogentx disk session store v1 aes-256-gcm".getBytes(StandardCharsets.US_ASCII);

  private final byte[] salt;

  Keys(byte[] pepper) {
    this.salt = pepper.length == 0 ? new byte[32] : pepper.clone();
  }

  /** The 256-bit AES key of the session with this id. */
  byte[] sessionKey(String sessionId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt, "HmacSHA256"));
      byte[] prk = mac.doFinal(sessionId.getBytes(StandardCharsets.US_ASCII));
      mac.init(new SecretKeySpec(prk, "HmacSHA256"));
      mac.update(INFO);
      mac.update((byte) 1);
      return mac.doFinal(); // L = 32 bytes: one HKDF-Expand block
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is always available", e);
    }
  }
}

package io.cogentx.session;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A session id: a random (version 4, RFC 9562 variant) UUID in canonical lower-case form. Input is
 * accepted in either case (UUIDs are case-insensitive) and normalised, so "ABC…" and "abc…" are the
 * same session. Anything else — other UUID versions, missing dashes, braces, paths — is rejected,
 * which also keeps ids safe to use in file names.
 */
public record SessionId(String value) {

  private static final Pattern CANONICAL_V4 =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

  public SessionId {
    if (value == null || !CANONICAL_V4.matcher(value).matches()) {
      throw new IllegalArgumentException("not a canonical UUID v4");
    }
  }

  /** Parses a header value; empty when it is not a UUID v4 in canonical 8-4-4-4-12 form. */
  public static Optional<SessionId> parse(String raw) {
    if (raw == null || raw.length() != 36) {
      return Optional.empty();
    }
    String lower = raw.toLowerCase(Locale.ROOT);
    return CANONICAL_V4.matcher(lower).matches()
        ? Optional.of(new SessionId(lower))
        : Optional.empty();
  }

  public static SessionId random() {
    return new SessionId(UUID.randomUUID().toString());
  }

  /**
   * A short, stable hash of the id for logs and the admin view: 10 hex digits of SHA-256, enough to
   * tell sessions apart in a log, useless for finding the id.
   */
  public String hash() {
    return HexFormat.of().formatHex(sha256(), 0, 5);
  }

  /**
   * The name under which the session's data is stored (directories, rows): the whole SHA-256 of the
   * id in hex, so storage never holds the id, and two sessions never share a name.
   */
  public String storageKey() {
    return HexFormat.of().formatHex(sha256());
  }

  private byte[] sha256() {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(value.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}

package io.cogentx.plugins.loader.office;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Opens password-protected OpenDocument files (ODF 1.2 encryption, as LibreOffice and OpenOffice
 * write it): each encrypted part of the zip is decrypted with a key derived from the password
 * (start key SHA-256 or SHA-1 of the password, then PBKDF2-HMAC-SHA1) with AES-256-CBC or the older
 * Blowfish-CFB, checked against the manifest's checksum (a wrong password fails here), and
 * inflated. The result is a plain OpenDocument file Tika reads. Parts are unpacked with the same
 * expansion limit as every zipped document.
 */
final class OdfDecryption {

  /** The password does not open the file. */
  static final class WrongPasswordException extends Exception {
    private static final long serialVersionUID = 1L;

    WrongPasswordException() {
      super("wrong password");
    }
  }

  /** The file uses an encryption this reader does not know. */
  static final class UnsupportedEncryptionException extends Exception {
    private static final long serialVersionUID = 1L;

    UnsupportedEncryptionException(String what) {
      super(what);
    }
  }

  private static final String MANIFEST = "META-INF/manifest.xml";
  private static final String NS = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";
  private static final Pattern ENCRYPTION_DATA =
      Pattern.compile("<manifest:encryption-data.*?</manifest:encryption-data>", Pattern.DOTALL);

  /** How one part is encrypted. */
  private record Encryption(
      String algorithm,
      byte[] iv,
      byte[] salt,
      int iterations,
      int keySize,
      String startKey,
      String checksumType,
      byte[] checksum) {}

  private OdfDecryption() {}

  /** Whether {@code file} is a zip whose manifest lists encrypted parts. */
  static boolean isEncrypted(Path file) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry manifest = zip.getEntry(MANIFEST);
      if (manifest == null || manifest.getSize() > 1_000_000) {
        return false;
      }
      try (InputStream in = zip.getInputStream(manifest)) {
        return new String(in.readNBytes(1_000_000), StandardCharsets.UTF_8)
            .contains("encryption-data");
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Writes a decrypted copy of {@code file} to {@code target}.
   *
   * @param maxRatio most bytes a part may unpack to per stored byte
   */
  static void decrypt(Path file, String password, Path target, int maxRatio, long maxEntryBytes)
      throws IOException, WrongPasswordException, UnsupportedEncryptionException {
    try (ZipFile zip = new ZipFile(file.toFile());
        OutputStream out = Files.newOutputStream(target);
        ZipOutputStream copy = new ZipOutputStream(out)) {
      Map<String, Encryption> encrypted = manifest(zip);
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (entry.isDirectory()) {
          continue;
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
          bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxEntryBytes + 1));
        }
        if (bytes.length > maxEntryBytes) {
          throw new IOException("Zip bomb detected: the part " + entry.getName() + " is too large");
        }
        Encryption encryption = encrypted.get(entry.getName());
        if (entry.getName().equals(MANIFEST)) {
          bytes =
              ENCRYPTION_DATA
                  .matcher(new String(bytes, StandardCharsets.UTF_8))
                  .replaceAll("")
                  .getBytes(StandardCharsets.UTF_8);
        } else if (encryption != null) {
          bytes = decrypt(bytes, password, encryption, maxRatio, maxEntryBytes);
        }
        copy.putNextEntry(new ZipEntry(entry.getName()));
        copy.write(bytes);
        copy.closeEntry();
      }
    }
  }

  private static byte[] decrypt(
      byte[] data, String password, Encryption e, int maxRatio, long maxEntryBytes)
      throws WrongPasswordException, UnsupportedEncryptionException, IOException {
    try {
      byte[] startKey =
          MessageDigest.getInstance(e.startKey().endsWith("sha256") ? "SHA-256" : "SHA-1")
              .digest(password.getBytes(StandardCharsets.UTF_8));
      byte[] key = pbkdf2HmacSha1(startKey, e.salt(), e.iterations(), e.keySize());
      byte[] compressed;
      if (e.algorithm().endsWith("aes256-cbc")) {
        Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(e.iv()));
        compressed = unpad(aes.doFinal(data));
      } else if (e.algorithm().equalsIgnoreCase("Blowfish CFB")) {
        Cipher blowfish = Cipher.getInstance("Blowfish/CFB/NoPadding");
        blowfish.init(
            Cipher.DECRYPT_MODE, new SecretKeySpec(key, "Blowfish"), new IvParameterSpec(e.iv()));
        compressed = blowfish.doFinal(data);
      } else {
        throw new UnsupportedEncryptionException(e.algorithm());
      }
      boolean checked = e.checksum() != null;
      if (checked && !checksumMatches(compressed, e)) {
        throw new WrongPasswordException();
      }
      try {
        return inflate(compressed, (long) maxRatio * Math.max(data.length, 1024), maxEntryBytes);
      } catch (DataFormatException notDeflated) {
        if (checked) {
          return compressed; // the right password, a part stored without compression
        }
        throw new WrongPasswordException();
      }
    } catch (GeneralSecurityException | IllegalArgumentException ex) {
      throw new WrongPasswordException();
    }
  }

  private static boolean checksumMatches(byte[] decrypted, Encryption e)
      throws GeneralSecurityException {
    String type = e.checksumType().toLowerCase(java.util.Locale.ROOT);
    String digest = type.contains("sha256") ? "SHA-256" : "SHA-1";
    byte[] head = java.util.Arrays.copyOf(decrypted, Math.min(1024, decrypted.length));
    byte[] sum =
        type.contains("1k")
            ? MessageDigest.getInstance(digest).digest(head)
            : MessageDigest.getInstance(digest).digest(decrypted);
    return MessageDigest.isEqual(sum, e.checksum());
  }

  /** W3C padding: the last byte says how many bytes were added. */
  private static byte[] unpad(byte[] data) throws WrongPasswordException {
    if (data.length == 0) {
      return data;
    }
    int pad = data[data.length - 1] & 0xff;
    if (pad < 1 || pad > 16 || pad > data.length) {
      throw new WrongPasswordException();
    }
    return java.util.Arrays.copyOf(data, data.length - pad);
  }

  private static byte[] inflate(byte[] compressed, long ratioLimit, long maxEntryBytes)
      throws DataFormatException, IOException {
    long limit = Math.min(ratioLimit, maxEntryBytes);
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(compressed);
      ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 4);
      byte[] buffer = new byte[64 * 1024];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        out.write(buffer, 0, n);
        if (out.size() > limit) {
          throw new IOException("Zip bomb detected: a part expands beyond " + limit + " bytes");
        }
      }
      return out.toByteArray();
    } finally {
      inflater.end();
    }
  }

  static byte[] pbkdf2HmacSha1(byte[] password, byte[] salt, int iterations, int length)
      throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(password, "HmacSHA1"));
    int blocks = (length + 19) / 20;
    byte[] out = new byte[blocks * 20];
    for (int b = 1; b <= blocks; b++) {
      mac.update(salt);
      mac.update(new byte[] {(byte) (b >>> 24), (byte) (b >>> 16), (byte) (b >>> 8), (byte) b});
      byte[] u = mac.doFinal();
      byte[] t = u.clone();
      for (int i = 1; i < iterations; i++) {
        u = mac.doFinal(u);
        for (int j = 0; j < t.length; j++) {
          t[j] ^= u[j];
        }
      }
      System.arraycopy(t, 0, out, (b - 1) * 20, 20);
    }
    return java.util.Arrays.copyOf(out, length);
  }

  private static Map<String, Encryption> manifest(ZipFile zip)
      throws IOException, UnsupportedEncryptionException {
    ZipEntry entry = zip.getEntry(MANIFEST);
    if (entry == null) {
      throw new IOException("no manifest");
    }
    Map<String, Encryption> out = new HashMap<>();
    try (InputStream in = zip.getInputStream(entry)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      NodeList files =
          factory
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(in.readNBytes(1_000_000)))
              .getElementsByTagNameNS(NS, "file-entry");
      for (int i = 0; i < files.getLength(); i++) {
        Element file = (Element) files.item(i);
        Element data = child(file, "encryption-data");
        if (data == null) {
          continue;
        }
        Element algorithm = child(data, "algorithm");
        Element derivation = child(data, "key-derivation");
        Element start = child(data, "start-key-generation");
        if (algorithm == null || derivation == null) {
          throw new UnsupportedEncryptionException(
              "encryption without algorithm or key derivation");
        }
        if (!"PBKDF2".equalsIgnoreCase(attr(derivation, "key-derivation-name"))) {
          throw new UnsupportedEncryptionException(attr(derivation, "key-derivation-name"));
        }
        String keySize = attr(derivation, "key-size");
        out.put(
            file.getAttributeNS(NS, "full-path"),
            new Encryption(
                attr(algorithm, "algorithm-name"),
                decode(attr(algorithm, "initialisation-vector")),
                decode(attr(derivation, "salt")),
                Integer.parseInt(attr(derivation, "iteration-count")),
                keySize.isEmpty() ? 16 : Integer.parseInt(keySize),
                start == null ? "sha1" : attr(start, "start-key-generation-name"),
                attr(data, "checksum-type"),
                attr(data, "checksum").isEmpty() ? null : decode(attr(data, "checksum"))));
      }
    } catch (javax.xml.parsers.ParserConfigurationException
        | org.xml.sax.SAXException
        | NumberFormatException e) {
      throw new IOException("unreadable manifest: " + e.getMessage(), e);
    }
    return out;
  }

  private static Element child(Element parent, String name) {
    NodeList list = parent.getElementsByTagNameNS(NS, name);
    return list.getLength() == 0 ? null : (Element) list.item(0);
  }

  private static String attr(Element element, String name) {
    return element.getAttributeNS(NS, name);
  }

  private static byte[] decode(String base64) {
    return Base64.getMimeDecoder().decode(base64);
  }
}

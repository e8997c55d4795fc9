package io.cogentx.plugins.loader.office;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks a zipped document (docx, xlsx, pptx, odt, epub) once, counting and discarding, before any
 * parser builds anything from it: refused as a zip bomb when it unpacks to more than the
 * compression ratio allows of the file's real size (after a small allowance), or when one part
 * alone is larger than the part limit. The sizes a zip declares are not trusted. A file that is not
 * a readable zip passes; the parser then says what is wrong with it.
 */
final class ZipCheck {

  /** Unpacked bytes any file may have, whatever its size. */
  static final long GRACE_BYTES = 4L * 1024 * 1024;

  /**
   * What the check found.
   *
   * @param zip whether the file is a readable zip
   * @param largestEntry the unpacked size of its largest part
   */
  record Summary(boolean zip, long largestEntry) {}

  /** The check failed: the file is a zip bomb. */
  static final class BombException extends IOException {
    private static final long serialVersionUID = 1L;

    BombException(String message) {
      super("Zip bomb detected: " + message);
    }
  }

  private ZipCheck() {}

  static Summary check(Path file, long fileBytes, int maxRatio, long maxEntryBytes)
      throws BombException {
    long allowed =
        fileBytes > (Long.MAX_VALUE - GRACE_BYTES) / maxRatio
            ? Long.MAX_VALUE
            : fileBytes * maxRatio + GRACE_BYTES;
    long total = 0;
    long largest = 0;
    byte[] buffer = new byte[64 * 1024];
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        long size = 0;
        try (InputStream in = zip.getInputStream(entry)) {
          for (int n; (n = in.read(buffer)) > 0; ) {
            size += n;
            total += n;
            if (size > maxEntryBytes) {
              throw new BombException(
                  "the part "
                      + entry.getName()
                      + " unpacks to more than "
                      + maxEntryBytes
                      + " bytes");
            }
            if (total > allowed) {
              throw new BombException(
                  "it unpacks to more than "
                      + maxRatio
                      + " times its size of "
                      + fileBytes
                      + " bytes");
            }
          }
        } catch (BombException e) {
          throw e;
        } catch (IOException | RuntimeException unreadablePart) {
          // a damaged part: the parser will say so
        }
        largest = Math.max(largest, size);
      }
      return new Summary(true, largest);
    } catch (BombException e) {
      throw e;
    } catch (IOException | RuntimeException notAZip) {
      return new Summary(false, 0);
    }
  }
}

package io.cogentx.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a file, as an HTTP {@code Range} header asks for it (RFC 9110 §14): {@code
 * bytes=0-499}, {@code bytes=500-}, or a suffix {@code bytes=-500}.
 *
 * @param first first byte, inclusive
 * @param last last byte, inclusive
 */
record ByteRange(long first, long last) {

  private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

  /** The outcome of reading a {@code Range} header against a file's size. */
  sealed interface Request permits Whole, Part, Unsatisfiable {}

  /** Send the whole file (no header, a form not understood, or several ranges). */
  record Whole() implements Request {}

  /** Send this part, as 206. */
  record Part(ByteRange range) implements Request {}

  /** No byte of the file is in the range: 416. */
  record Unsatisfiable() implements Request {}

  long length() {
    return last - first + 1;
  }

  /** What to send for {@code header} from a file of {@code size} bytes. */
  static Request of(String header, long size) {
    if (header == null) {
      return new Whole();
    }
    Matcher m = SINGLE.matcher(header.strip());
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return new Whole(); // several ranges or another unit: a whole 200 is a valid answer
    }
    Optional<ByteRange> range;
    if (m.group(1).isEmpty()) {
      long suffix = Long.parseLong(m.group(2));
      range =
          suffix == 0 || size == 0
              ? Optional.empty()
              : Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
    } else {
      long first = Long.parseLong(m.group(1));
      long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
      if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < first) {
        return new Whole(); // invalid: ignored, as RFC 9110 allows
      }
      range = first >= size ? Optional.empty() : Optional.of(new ByteRange(first, last));
    }
    return range.<Request>map(Part::new).orElseGet(Unsatisfiable::new);
  }

  /** The {@code Content-Range} value for this part of a file of {@code size} bytes. */
  String contentRange(long size) {
    return "bytes " + first + "-" + last + "/" + size;
  }
}

package io.cogentx.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * Media types of uploads as Apache Tika's detector knows them (hundreds of magic signatures and
 * file-name patterns, and which type specialises which): what a file's bytes prove wins over its
 * name, and its name refines what the bytes say (a text file named {@code .md} is Markdown, a PDF
 * named {@code report.txt} is still a PDF). Thread-safe.
 */
public final class ContentTypes {

  private static final String UNKNOWN = MediaType.OCTET_STREAM.toString();

  /** Containers of audio and video whose type names neither. */
  private static final Set<String> MEDIA_CONTAINERS =
      Set.of("application/ogg", "application/x-matroska", "application/quicktime");

  private final MimeTypes types = MimeTypes.getDefaultMimeTypes();
  private final MediaTypeRegistry registry = types.getMediaTypeRegistry();

  /**
   * What a file is.
   *
   * @param type the type of its bytes, refined by its name; {@code null} when neither tells
   * @param byName the type its name alone says, or {@code null}
   * @param textual whether its first {@value #TEXT_WINDOW} bytes are text (UTF-8, no control
   *     characters but white space)
   */
  public record Detection(String type, String byName, boolean textual) {}

  /** Bytes read to tell text from binary. */
  static final int TEXT_WINDOW = 8192;

  /** The type of the file's bytes, refined by its name; {@code null} when neither tells. */
  public String detect(Path file, String fileName) throws IOException {
    return detection(file, fileName).type();
  }

  /** What the bytes and the name of a file say it is. */
  public Detection detection(Path file, String fileName) throws IOException {
    Metadata metadata = new Metadata();
    String byName = null;
    if (fileName != null && !fileName.isBlank()) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
      byName = known(types.detect(null, metadata).getBaseType().toString()); // the name alone
    }
    try (TikaInputStream in = TikaInputStream.get(file)) {
      String type = known(types.detect(in, metadata).getBaseType().toString());
      return new Detection(type, byName, textual(file));
    }
  }

  /** Whether {@code type} is {@code text/plain} or specialises it. */
  public boolean isText(String type) {
    return type != null && lineage(type).contains(MediaType.TEXT_PLAIN.toString());
  }

  /**
   * Whether {@code type} is audio or video, or a container of them ({@code application/ogg},
   * Matroska, QuickTime), by itself or a type it specialises.
   */
  public boolean isMedia(String type) {
    for (String t : lineage(type)) {
      if (t.startsWith("audio/") || t.startsWith("video/") || MEDIA_CONTAINERS.contains(t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean textual(Path file) throws IOException {
    byte[] head;
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      head = in.readNBytes(TEXT_WINDOW);
    }
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer chars = CharBuffer.allocate(head.length);
    // not the end of input: a sequence cut by the window's end is left undecoded, not an error
    if (utf8.decode(ByteBuffer.wrap(head), chars, false).isError()) {
      return false;
    }
    chars.flip();
    for (int i = 0; i < chars.length(); i++) {
      char c = chars.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        return false;
      }
    }
    return true;
  }

  /**
   * The canonical form of a declared type: lower case, no parameters, aliases resolved ({@code
   * audio/wav} is {@code audio/vnd.wave}); {@code null} for none or {@code
   * application/octet-stream}.
   */
  public String normalise(String mediaType) {
    if (mediaType == null || mediaType.isBlank()) {
      return null;
    }
    MediaType parsed = MediaType.parse(mediaType.strip().toLowerCase(Locale.ROOT));
    if (parsed == null) {
      return null;
    }
    return known(registry.normalize(parsed.getBaseType()).toString());
  }

  /**
   * The type and the types it specialises, most specific first, e.g. {@code text/csv, text/plain}
   * (never {@code application/octet-stream}, which every type specialises).
   */
  public List<String> lineage(String mediaType) {
    List<String> out = new ArrayList<>();
    MediaType type = mediaType == null ? null : MediaType.parse(mediaType);
    while (type != null && !type.toString().equals(UNKNOWN) && !out.contains(type.toString())) {
      out.add(type.toString());
      type = registry.getSupertype(type);
    }
    return out;
  }

  private static String known(String type) {
    return type.equals(UNKNOWN) ? null : type;
  }
}

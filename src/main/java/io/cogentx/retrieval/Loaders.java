package io.cogentx.retrieval;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The document loaders installed, and which one reads an upload. Decided once per upload, from what
 * {@link ContentTypes} detects in its bytes and name, else the type the client declared, else the
 * file name's extension: the first loader naming the type wins, then the first naming a type it
 * specialises (a loader of {@code text/plain} reads {@code text/csv} unless another names it).
 * Plain text whose name claims a binary format (a disguised or mislabelled file) goes to that
 * format's loader, which refuses it with a reason, rather than being indexed as text.
 */
public final class Loaders {

  /** A loader with the name its provider gave it. */
  public record Named(String name, DocumentLoader loader) {
    public Named {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(loader, "loader");
    }
  }

  /** The loader chosen for an upload and the media type it reads the upload as. */
  public record Choice(Named loader, String mediaType) {}

  private static final String PLAIN_TEXT = "text/plain";

  private final List<Named> loaders;
  private final ContentTypes types;
  private final Map<String, Named> byType = new LinkedHashMap<>();

  public Loaders(List<Named> loaders, ContentTypes types) {
    this.loaders = List.copyOf(loaders);
    this.types = types;
    for (Named named : this.loaders) {
      for (String type : named.loader().mediaTypes()) {
        String canonical = types.normalise(type);
        byType.putIfAbsent(canonical == null ? type : canonical, named);
        byType.putIfAbsent(type.toLowerCase(Locale.ROOT), named);
      }
    }
  }

  public List<Named> all() {
    return loaders;
  }

  /**
   * The loader for a stored upload.
   *
   * @param declaredType the type the client sent, or {@code null}
   * @throws DocumentException UNSUPPORTED_FORMAT naming what is supported
   */
  public Choice choose(Path file, String fileName, String declaredType)
      throws DocumentException, IOException {
    ContentTypes.Detection detection = types.detection(file, fileName);
    requireNotAMislabelledRecording(detection, fileName);
    String detected = detection.type();
    String declared = types.normalise(declaredType);
    Choice disguised = textNamedAsBinary(detection);
    if (disguised != null) {
      return disguised;
    }
    List<String> candidates = new ArrayList<>();
    String saidText = textTypeSaid(detection, declared);
    if (saidText != null) {
      candidates.add(saidText);
    }
    for (String type : new String[] {detected, declared}) {
      if (type != null && !candidates.contains(type)) {
        candidates.add(type);
      }
    }
    for (String candidate : candidates) {
      for (String type : types.lineage(candidate)) {
        Named loader = byType.get(type);
        if (loader != null) {
          return new Choice(loader, candidate);
        }
      }
    }
    String extension = extension(fileName);
    for (Named named : loaders) {
      if (extension != null && named.loader().fileExtensions().contains(extension)) {
        return new Choice(named, candidates.isEmpty() ? null : candidates.get(0));
      }
    }
    String shown = detected != null ? detected : declared;
    throw new DocumentException(
        DocumentException.Reason.UNSUPPORTED_FORMAT,
        "This file type is not supported"
            + (shown == null ? "" : " (" + shown + ")")
            + ". Supported: "
            + String.join(", ", supportedExtensions())
            + ".");
  }

  /**
   * A file named like a recording or a video whose bytes are something else (a PDF named {@code
   * talk.wav}) is refused rather than read as what it is: its user expects a transcript with times,
   * and the name is wrong.
   */
  private void requireNotAMislabelledRecording(ContentTypes.Detection detection, String fileName)
      throws DocumentException {
    String byName = detection.byName();
    String type = detection.type();
    if (byName != null && types.isMedia(byName) && type != null && !types.isMedia(type)) {
      throw new DocumentException(
          DocumentException.Reason.DAMAGED,
          "This file is named like a recording ("
              + fileName
              + ") but its content is "
              + type
              + ", not audio or video. Rename it to its real type, or upload the recording.");
    }
  }

  /**
   * Plain text named as a binary format a loader reads (a note saved as {@code report.odt}): that
   * format's loader reads it, and tells the user the file is not what its name says; else {@code
   * null}. Text named as another text type is read as that type, as before.
   */
  private Choice textNamedAsBinary(ContentTypes.Detection detection) {
    String byName = detection.byName();
    if (!detection.textual()
        || !PLAIN_TEXT.equals(detection.type())
        || byName == null
        || types.isText(byName)) {
      return null;
    }
    for (String type : types.lineage(byName)) {
      Named loader = byType.get(type);
      if (loader != null) {
        return new Choice(loader, byName);
      }
    }
    return null;
  }

  /**
   * A text type the name or the client gives a file that is text, when its bytes matched a binary
   * signature (a note whose first lines mention {@code %PDF-} is still a note); else {@code null}.
   */
  private String textTypeSaid(ContentTypes.Detection detection, String declared) {
    if (!detection.textual() || types.isText(detection.type())) {
      return null;
    }
    if (types.isText(detection.byName())) {
      return detection.byName();
    }
    return types.isText(declared) ? declared : null;
  }

  /** The extensions users can upload, e.g. {@code .md}. */
  public List<String> supportedExtensions() {
    TreeSet<String> all = new TreeSet<>();
    loaders.forEach(l -> l.loader().fileExtensions().forEach(e -> all.add("." + e)));
    return List.copyOf(all);
  }

  static String extension(String fileName) {
    if (fileName == null) {
      return null;
    }
    int dot = fileName.lastIndexOf('.');
    return dot < 0 || dot == fileName.length() - 1
        ? null
        : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}

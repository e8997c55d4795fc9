package io.cogentx.retrieval;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentLoader;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The document loaders available, and which one reads a given upload: by media type, else by
 * extension.
 */
public final class Loaders {

  private final List<DocumentLoader> loaders;

  public Loaders(List<DocumentLoader> loaders) {
    this.loaders = List.copyOf(loaders);
  }

  public List<DocumentLoader> all() {
    return loaders;
  }

  /**
   * The loader for an upload.
   *
   * @throws DocumentException UNSUPPORTED_FORMAT naming what is supported
   */
  public DocumentLoader select(String mediaType, String fileName) throws DocumentException {
    String type = baseType(mediaType);
    for (DocumentLoader loader : loaders) {
      if (type != null && loader.mediaTypes().contains(type)) {
        return loader;
      }
    }
    String extension = extension(fileName);
    for (DocumentLoader loader : loaders) {
      if (extension != null && loader.fileExtensions().contains(extension)) {
        return loader;
      }
    }
    throw new DocumentException(
        DocumentException.Reason.UNSUPPORTED_FORMAT,
        "This file type is not supported"
            + (type == null ? "" : " (" + type + ")")
            + ". Supported: "
            + String.join(", ", supportedExtensions())
            + ".");
  }

  /** The extensions users can upload, e.g. {@code .md}. */
  public List<String> supportedExtensions() {
    TreeSet<String> all = new TreeSet<>();
    loaders.forEach(l -> l.fileExtensions().forEach(e -> all.add("." + e)));
    return List.copyOf(all);
  }

  static String baseType(String mediaType) {
    if (mediaType == null || mediaType.isBlank()) {
      return null;
    }
    int semicolon = mediaType.indexOf(';');
    String base = (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip();
    base = base.toLowerCase(Locale.ROOT);
    return base.equals("application/octet-stream") ? null : base;
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

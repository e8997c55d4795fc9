package io.cogentx.plugins.loader.office;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The formats this loader reads: media types, file extensions, and how people call them. */
final class Formats {

  static final String CSV = "text/csv";
  static final String TSV = "text/tab-separated-values";
  static final String EMAIL = "message/rfc822";

  /** Media type → what people call it, e.g. "Word document". */
  private static final Map<String, String> NAMES = new LinkedHashMap<>();

  static {
    String ooxml = "application/vnd.openxmlformats-officedocument.";
    NAMES.put(ooxml + "wordprocessingml.document", "Word document");
    NAMES.put("application/vnd.ms-word.document.macroenabled.12", "Word document");
    NAMES.put(ooxml + "spreadsheetml.sheet", "Excel workbook");
    NAMES.put("application/vnd.ms-excel.sheet.macroenabled.12", "Excel workbook");
    NAMES.put(ooxml + "presentationml.presentation", "PowerPoint presentation");
    NAMES.put(
        "application/vnd.ms-powerpoint.presentation.macroenabled.12", "PowerPoint presentation");
    NAMES.put("application/msword", "Word 97-2003 document");
    NAMES.put("application/vnd.ms-excel", "Excel 97-2003 workbook");
    NAMES.put("application/vnd.ms-powerpoint", "PowerPoint 97-2003 presentation");
    // containers the server's detector knows before it tells Word from Excel
    NAMES.put("application/x-tika-ooxml", "Office document");
    NAMES.put("application/x-tika-ooxml-protected", "password-protected Office document");
    NAMES.put("application/x-tika-msoffice", "Office document");
    NAMES.put("application/vnd.oasis.opendocument.text", "OpenDocument text");
    NAMES.put("application/vnd.oasis.opendocument.spreadsheet", "OpenDocument spreadsheet");
    NAMES.put("application/vnd.oasis.opendocument.presentation", "OpenDocument presentation");
    NAMES.put("application/rtf", "RTF document");
    NAMES.put("text/html", "web page");
    NAMES.put("application/xhtml+xml", "web page");
    NAMES.put("application/epub+zip", "EPUB book");
    NAMES.put(EMAIL, "e-mail");
    NAMES.put(CSV, "CSV table");
    NAMES.put(TSV, "TSV table");
  }

  static final Set<String> EXTENSIONS =
      Set.of(
          "docx", "docm", "xlsx", "xlsm", "pptx", "pptm", "doc", "xls", "ppt", "odt", "ods", "odp",
          "rtf", "html", "htm", "xhtml", "epub", "eml", "csv", "tsv");

  /** Extension → media type, for what the server did not name precisely. */
  private static final Map<String, String> BY_EXTENSION =
      Map.ofEntries(
          Map.entry(
              "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
          Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
          Map.entry(
              "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
          Map.entry("doc", "application/msword"),
          Map.entry("xls", "application/vnd.ms-excel"),
          Map.entry("ppt", "application/vnd.ms-powerpoint"),
          Map.entry("odt", "application/vnd.oasis.opendocument.text"),
          Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"),
          Map.entry("odp", "application/vnd.oasis.opendocument.presentation"),
          Map.entry("rtf", "application/rtf"),
          Map.entry("html", "text/html"),
          Map.entry("htm", "text/html"),
          Map.entry("xhtml", "application/xhtml+xml"),
          Map.entry("epub", "application/epub+zip"),
          Map.entry("eml", EMAIL),
          Map.entry("csv", CSV),
          Map.entry("tsv", TSV));

  private Formats() {}

  static Set<String> mediaTypes() {
    return NAMES.keySet();
  }

  /** What people call the format of {@code mediaType} or, failing that, of the file's name. */
  static String describe(String mediaType, String fileName) {
    String name = NAMES.get(mediaType);
    if (name == null || name.equals("Office document")) {
      String byName = NAMES.get(BY_EXTENSION.get(extension(fileName)));
      if (byName != null) {
        return byName;
      }
    }
    return name == null ? "document" : name;
  }

  /** The media type the file name says, or null. */
  static String byExtension(String fileName) {
    return BY_EXTENSION.get(extension(fileName));
  }

  /** Whether the format is text by nature (a text file that holds no markup is still one). */
  static boolean isTextual(String mediaType) {
    return mediaType != null
        && (mediaType.startsWith("text/")
            || mediaType.equals(EMAIL)
            || mediaType.equals("application/xhtml+xml"));
  }

  static boolean isTable(String mediaType) {
    return CSV.equals(mediaType) || TSV.equals(mediaType);
  }

  static String extension(String fileName) {
    if (fileName == null) {
      return "";
    }
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}

package io.cogentx.plugins.loader.office;

import java.util.regex.Pattern;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/**
 * A document's own title from its metadata (an e-mail's subject), unless it is a placeholder that
 * office programs leave ("Document1", "PowerPoint Presentation"): then none, and the server uses
 * the file name.
 */
final class Titles {

  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          "(?i)untitled.*|no title|title|(document|presentation|book|sheet|slide|doc)\\s*\\d*"
              + "|powerpoint presentation|new (document|presentation|workbook).*|[\\W_]*");
  private static final Pattern PROGRAM_PREFIX =
      Pattern.compile("(?i)^microsoft (word|excel|powerpoint) - ");
  private static final int MAX_TITLE = 200;

  private Titles() {}

  static String of(Metadata metadata, MediaType type) {
    String title = metadata.get(TikaCoreProperties.TITLE);
    if ((title == null || title.isBlank()) && EmailHeader.isEmail(type)) {
      title = metadata.get(TikaCoreProperties.SUBJECT);
    }
    if (title == null) {
      return null;
    }
    title = PROGRAM_PREFIX.matcher(Structure.normalise(title)).replaceFirst("");
    if (PLACEHOLDER.matcher(title).matches()) {
      return null;
    }
    return title.length() <= MAX_TITLE ? title : title.substring(0, MAX_TITLE - 1).strip() + "…";
  }
}

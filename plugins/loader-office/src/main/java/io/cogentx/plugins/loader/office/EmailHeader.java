package io.cogentx.plugins.loader.office;

import java.util.ArrayList;
import java.util.List;
import org.apache.tika.metadata.Message;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/** An e-mail's subject, sender, recipients and date as the first lines of its text. */
final class EmailHeader {

  private EmailHeader() {}

  static boolean isEmail(MediaType type) {
    String base = type.getBaseType().toString();
    return base.equals(Formats.EMAIL) || base.equals("application/vnd.ms-outlook");
  }

  /** "Subject: …\nFrom: …\nTo: …\nDate: …", the lines the message has; "" for none. */
  static String of(Metadata metadata) {
    List<String> lines = new ArrayList<>();
    add(
        lines,
        "Subject",
        first(metadata, TikaCoreProperties.SUBJECT.getName(), TikaCoreProperties.TITLE.getName()));
    add(lines, "From", first(metadata, Message.MESSAGE_FROM, TikaCoreProperties.CREATOR.getName()));
    add(lines, "To", String.join(", ", metadata.getValues(Message.MESSAGE_TO)));
    add(lines, "Cc", String.join(", ", metadata.getValues(Message.MESSAGE_CC)));
    add(lines, "Date", metadata.get(TikaCoreProperties.CREATED));
    return String.join("\n", lines);
  }

  private static String first(Metadata metadata, String... names) {
    for (String name : names) {
      String value = metadata.get(name);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  private static void add(List<String> lines, String label, String value) {
    if (value != null && !value.isBlank()) {
      lines.add(label + ": " + Structure.normalise(value));
    }
  }
}

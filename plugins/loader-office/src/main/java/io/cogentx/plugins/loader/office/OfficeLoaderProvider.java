package io.cogentx.plugins.loader.office;

import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.DocumentLoaderProvider;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.Setting;
import java.util.List;

/**
 * Loader {@code office}: office and web documents through Apache Tika. Found by the server through
 * {@code META-INF/services/io.cogentx.spi.DocumentLoaderProvider}, built in or dropped into the
 * plugins directory.
 */
public final class OfficeLoaderProvider implements DocumentLoaderProvider {

  static final Setting MAX_CHARACTERS =
      Setting.of(
          "OFFICE_MAX_CHARACTERS",
          10_000_000,
          "Most characters read from one office or web document (Tika's write limit); the rest is"
              + " left out with a warning");
  static final Setting TIMEOUT_SECONDS =
      Setting.of(
          "OFFICE_TIMEOUT_SECONDS",
          120,
          "Longest an office or web document may take to read before it is refused");
  static final Setting MAX_COMPRESSION_RATIO =
      Setting.of(
          "OFFICE_MAX_COMPRESSION_RATIO",
          100,
          "Most a zipped document (docx, xlsx, odt, epub) may expand, unpacked bytes or text"
              + " characters per stored byte, before it is refused as a zip bomb");
  static final Setting MAX_ENTRY_MEGABYTES =
      Setting.of(
          "OFFICE_MAX_ENTRY_MEGABYTES",
          200,
          "Largest part of a zipped office document, unpacked, in MB (bounds the memory one part"
              + " needs)");
  static final Setting MAX_ATTACHMENT_DEPTH =
      Setting.of(
          "OFFICE_MAX_ATTACHMENT_DEPTH",
          3,
          "How deep attachments inside attachments are read (an e-mail in an e-mail is depth 2)");

  @Override
  public String name() {
    return "office";
  }

  @Override
  public List<Setting> settings() {
    return List.of(
        MAX_CHARACTERS,
        TIMEOUT_SECONDS,
        MAX_COMPRESSION_RATIO,
        MAX_ENTRY_MEGABYTES,
        MAX_ATTACHMENT_DEPTH);
  }

  @Override
  public DocumentLoader create(PluginContext context) {
    return new OfficeLoader(OfficeSettings.from(context.config()));
  }
}

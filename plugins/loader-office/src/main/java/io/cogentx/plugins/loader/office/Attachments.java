package io.cogentx.plugins.loader.office;

import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.io.input.CloseShieldInputStream;
import org.apache.tika.detect.Detector;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.EmbeddedContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * What a document carries inside it: an e-mail's body parts and attachments, files attached to or
 * embedded in office documents. Attachments are read with the same parsers, recursively up to a
 * depth, into the same {@link Structure} under their own name ({@code "attachment notes.txt"});
 * inline parts (an e-mail's body) are read in place. What no parser here reads (pictures, fonts,
 * macros) is left out; an attachment that cannot be read is left out with a warning.
 */
final class Attachments implements EmbeddedDocumentExtractor {

  private final Parser parser;
  private final Detector detector;
  private final Structure structure;
  private final Guard guard;
  private final ParseContext context;
  private final int maxDepth;
  private final int maxRatio;
  private final long maxEntryBytes;
  private int depth;

  Attachments(
      Parser parser,
      Detector detector,
      Structure structure,
      Guard guard,
      ParseContext context,
      OfficeSettings settings) {
    this.parser = parser;
    this.detector = detector;
    this.structure = structure;
    this.guard = guard;
    this.context = context;
    this.maxDepth = settings.maxAttachmentDepth();
    this.maxRatio = settings.maxCompressionRatio();
    this.maxEntryBytes = settings.maxEntryBytes();
  }

  @Override
  public boolean shouldParseEmbedded(Metadata metadata) {
    String kind = metadata.get(TikaCoreProperties.EMBEDDED_RESOURCE_TYPE);
    return kind == null
        || kind.equals(TikaCoreProperties.EmbeddedResourceType.INLINE.name())
        || kind.equals(TikaCoreProperties.EmbeddedResourceType.ATTACHMENT.name());
  }

  @Override
  public void parseEmbedded(
      InputStream stream, ContentHandler ignored, Metadata metadata, boolean outputHtml)
      throws SAXException, IOException {
    guard.check();
    if (!shouldParseEmbedded(metadata)) {
      return;
    }
    String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
    boolean attachment =
        TikaCoreProperties.EmbeddedResourceType.ATTACHMENT
            .name()
            .equals(metadata.get(TikaCoreProperties.EMBEDDED_RESOURCE_TYPE));
    try (TikaInputStream in = TikaInputStream.get(CloseShieldInputStream.wrap(stream))) {
      MediaType type = detector.detect(in, metadata);
      if (!parser.getSupportedTypes(context).contains(type.getBaseType())
          || type.getBaseType().equals(MediaType.OCTET_STREAM)) {
        if (attachment && name != null) {
          structure.warn(
              "The attachment '"
                  + Structure.clip(name)
                  + "' ("
                  + type.getBaseType()
                  + ") is not a format this server reads; it was left out.");
        }
        return;
      }
      if (depth >= maxDepth) {
        structure.warn(
            "Attachments nested deeper than "
                + maxDepth
                + " levels were left out (OFFICE_MAX_ATTACHMENT_DEPTH).");
        return;
      }
      if (Formats.isTable(type.getBaseType().toString())) {
        metadata.set(TikaCoreProperties.CONTENT_TYPE_USER_OVERRIDE, type.getBaseType().toString());
      }
      if (isZipped(type)) {
        try {
          ZipCheck.check(in.getPath(), in.getLength(), maxRatio, maxEntryBytes);
        } catch (ZipCheck.BombException bomb) {
          structure.warn(
              (name == null
                      ? "A part of the document"
                      : "The attachment '" + Structure.clip(name) + "'")
                  + " unpacks to far more than its size, as a zip bomb does, and was left out.");
          return;
        }
      }
      read(in, type, attachment ? name : null, metadata);
    }
  }

  private static boolean isZipped(MediaType type) {
    String t = type.getBaseType().toString();
    return t.startsWith("application/vnd.openxmlformats")
        || t.startsWith("application/vnd.oasis.opendocument")
        || t.startsWith("application/vnd.ms-") && t.contains("macroenabled")
        || t.equals("application/epub+zip")
        || t.equals("application/x-tika-ooxml");
  }

  private void read(TikaInputStream in, MediaType type, String attachmentName, Metadata metadata)
      throws SAXException {
    depth++;
    if (attachmentName != null) {
      structure.enterAttachment(attachmentName);
    }
    int start = structure.mark();
    try {
      parser.parse(in, new EmbeddedContentHandler(structure), metadata, context);
      if (EmailHeader.isEmail(type)) {
        String header = EmailHeader.of(metadata);
        if (!header.isEmpty()) {
          structure.insert(start, header);
        }
      }
    } catch (Guard.Stopped stopped) {
      throw stopped;
    } catch (Exception | StackOverflowError e) {
      if (guard.stop() != null) {
        throw new Guard.Stopped(guard.stop());
      }
      structure.warn(
          (attachmentName == null
                  ? "A part of the document"
                  : "The attachment '" + Structure.clip(attachmentName) + "'")
              + " could not be read ("
              + OfficeFailures.detail(e)
              + ") and was left out.");
    } finally {
      if (attachmentName != null) {
        structure.exitAttachment();
      }
      depth--;
    }
  }
}

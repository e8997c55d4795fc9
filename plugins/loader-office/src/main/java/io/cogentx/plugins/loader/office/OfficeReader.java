package io.cogentx.plugins.loader.office;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentException.Reason;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.LoadResult;
import io.cogentx.spi.Segment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.tika.config.ServiceLoader;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.PasswordProvider;
import org.apache.tika.parser.csv.TextAndCSVParser;
import org.apache.tika.parser.epub.EpubParser;
import org.apache.tika.parser.mail.RFC822Parser;
import org.apache.tika.parser.microsoft.OfficeParser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.microsoft.OldExcelParser;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.microsoft.rtf.RTFParser;
import org.apache.tika.parser.odf.OpenDocumentParser;

/**
 * Reads one document with Apache Tika into a {@link Structure}: the parsers of the formats this
 * loader declares (and nothing else, so a picture or an archive inside a document is skipped), the
 * container detectors that tell a Word file from an Excel one, a password when one is given, and
 * the attachments read recursively. Thread-safe: every reading has its own state.
 */
final class OfficeReader {

  /** A Word or PowerPoint part larger than this, unpacked, is streamed rather than held whole. */
  static final long STREAMING_BYTES = 16L * 1024 * 1024;

  /** Top-level types that are plain text when a document was expected. */
  private static final Set<String> PLAIN = Set.of("text/plain");

  private final OfficeSettings settings;
  private final Detector detector;
  private final AutoDetectParser parser;

  OfficeReader(OfficeSettings settings) {
    this.settings = settings;
    ClassLoader own = OfficeReader.class.getClassLoader();
    this.detector = new DefaultDetector(MimeTypes.getDefaultMimeTypes(own), new ServiceLoader(own));
    this.parser =
        new AutoDetectParser(
            detector,
            new OOXMLParser(),
            new OfficeParser(),
            new OldExcelParser(),
            new RTFParser(),
            new OpenDocumentParser(),
            new EpubParser(),
            new ArticleHtmlParser(),
            new RFC822Parser(),
            new TextAndCSVParser(), // plain-text attachments
            new CsvTableParser()); // later parsers win a type: CSV and TSV are read as tables
    // zip bombs and output size are this loader's own checks (Guard), against the file's real size
    AutoDetectParserConfig config = new AutoDetectParserConfig();
    config.setOutputThreshold(Long.MAX_VALUE);
    config.setMaximumCompressionRatio(Long.MAX_VALUE);
    parser.setAutoDetectParserConfig(config);
  }

  /** What a reading produced. */
  record Read(List<Segment> segments, LoadResult result) {}

  /**
   * Reads {@code request} with {@code guard}'s limits; {@code structure} receives the text (kept by
   * the caller so that progress can be watched from another thread).
   */
  Read read(LoadRequest request, Guard guard, Structure structure, Path workDir)
      throws DocumentException {
    String format = Formats.describe(request.mediaType(), request.fileName());
    String password = request.option("password").filter(p -> !p.isEmpty()).orElse(null);
    Path file = request.file();
    Path decrypted = null;
    try {
      long size = Files.size(file);
      if (size == 0) {
        throw new DocumentException(
            Reason.EMPTY, "The file is empty (0 bytes): upload the " + format + " again.");
      }
      Metadata metadata = metadata(request);
      MediaType type = detect(file, metadata, request, format);
      ZipCheck.Summary zip =
          ZipCheck.check(file, size, settings.maxCompressionRatio(), settings.maxEntryBytes());
      if (isOdf(type) && OdfDecryption.isEncrypted(file)) {
        if (password == null) {
          throw OfficeFailures.password(format, false, null);
        }
        decrypted = Files.createTempFile(workDir, "cogentx-odf-", ".zip");
        OdfDecryption.decrypt(
            file, password, decrypted, settings.maxCompressionRatio(), settings.maxEntryBytes());
        file = decrypted;
      }
      if (isOdf(type)) {
        structure.outline(OdfOutline.of(file, type.toString()));
      }
      parse(file, type, metadata, password, zip.largestEntry() > STREAMING_BYTES, guard, structure);
      structure.finish();
      List<String> warnings = new ArrayList<>(structure.warnings());
      if (guard.stop() == Guard.Stop.LIMIT) {
        warnings.add(
            "Only the first "
                + guard.maxCharacters()
                + " characters of this "
                + format
                + " were read (OFFICE_MAX_CHARACTERS); the rest is not searchable.");
      }
      List<Segment> segments = structure.segments();
      if (EmailHeader.isEmail(type)) {
        String header = EmailHeader.of(metadata);
        if (!header.isEmpty()) {
          segments.add(0, Segment.of(header));
        }
      }
      if (segments.stream().allMatch(s -> s.text().isBlank())) {
        throw new DocumentException(
            Reason.EMPTY,
            "This " + format + " has no text to index (it may hold only pictures or be blank).");
      }
      return new Read(segments, new LoadResult(Titles.of(metadata, type), warnings));
    } catch (OdfDecryption.WrongPasswordException e) {
      throw OfficeFailures.password(format, true, e);
    } catch (OdfDecryption.UnsupportedEncryptionException e) {
      throw new DocumentException(
          Reason.PASSWORD_REQUIRED,
          "This "
              + format
              + " is protected with an encryption this server cannot open ("
              + e.getMessage()
              + "). Save it again without a password, or with the standard (AES) encryption, and"
              + " upload it again.",
          e);
    } catch (DocumentException e) {
      throw e;
    } catch (Exception | OutOfMemoryError | StackOverflowError e) {
      if (guard.stop() != null && guard.stop() != Guard.Stop.LIMIT) {
        throw OfficeFailures.stopped(guard.stop(), format, settings);
      }
      if (OfficeFailures.isEncrypted(e)) {
        throw OfficeFailures.password(format, password != null, e);
      }
      throw OfficeFailures.of(e, format, settings);
    } finally {
      if (decrypted != null) {
        try {
          Files.deleteIfExists(decrypted);
        } catch (IOException e) {
          decrypted.toFile().deleteOnExit();
        }
      }
    }
  }

  private void parse(
      Path file,
      MediaType type,
      Metadata metadata,
      String password,
      boolean streaming,
      Guard guard,
      Structure structure)
      throws Exception {
    ParseContext context = new ParseContext();
    context.set(Parser.class, parser);
    OfficeParserConfig office = new OfficeParserConfig();
    office.setIncludeSlideMasterContent(false);
    office.setIncludeSlideNotes(true);
    office.setIncludeHeadersAndFooters(true);
    office.setIncludeDeletedContent(false);
    office.setIncludeMoveFromContent(false);
    // Word and PowerPoint files are read into memory (which places footnotes best) unless a part
    // is large: then they are streamed
    office.setUseSAXDocxExtractor(streaming);
    office.setUseSAXPptxExtractor(streaming);
    context.set(OfficeParserConfig.class, office);
    if (password != null) {
      context.set(PasswordProvider.class, m -> password);
    }
    context.set(
        EmbeddedDocumentExtractor.class,
        new Attachments(parser, detector, structure, guard, context, settings));
    try (TikaInputStream in = TikaInputStream.get(file)) {
      metadata.set(Metadata.CONTENT_TYPE, type.toString());
      if (Formats.isTable(type.toString())) {
        metadata.set(TikaCoreProperties.CONTENT_TYPE_USER_OVERRIDE, type.toString());
      }
      parser.parse(in, structure, metadata, context);
    } catch (Guard.Stopped stopped) {
      if (stopped.stop() != Guard.Stop.LIMIT) {
        throw stopped;
      }
    } catch (Exception e) {
      if (guard.stop() != Guard.Stop.LIMIT) {
        throw e;
      }
    }
  }

  /**
   * The type of the file's bytes by Tika's full detectors (which open zip and OLE2 containers),
   * refused when it is not a document this loader reads: plain text named as a document, or another
   * format altogether.
   */
  private MediaType detect(Path file, Metadata metadata, LoadRequest request, String format)
      throws IOException, DocumentException {
    MediaType type;
    try (TikaInputStream in = TikaInputStream.get(file)) {
      type = detector.detect(in, metadata).getBaseType();
    }
    boolean textExpected =
        request.mediaType() != null && Formats.isTextual(request.mediaType())
            || Formats.isTextual(Formats.byExtension(request.fileName()));
    if (PLAIN.contains(type.toString()) && !textExpected) {
      throw new DocumentException(
          Reason.DAMAGED,
          "This file is not a real "
              + format
              + ": its name says so, but it holds plain text. Upload the original "
              + format
              + ", or rename the file to .txt to add it as text.");
    }
    if (!parser.getSupportedTypes(new ParseContext()).contains(type)) {
      if (type.equals(MediaType.OCTET_STREAM)
          || type.equals(MediaType.APPLICATION_ZIP)
          || type.toString().startsWith("application/x-tika-")) {
        throw new DocumentException(
            Reason.DAMAGED,
            "This "
                + format
                + " is damaged or incomplete: its content is not a readable "
                + format
                + ". Open it in the program that made it, save it again, and upload that copy.");
      }
      throw new DocumentException(
          Reason.UNSUPPORTED_FORMAT,
          "This file is named like a "
              + format
              + " but its content is "
              + type
              + ", which this loader does not read.");
    }
    return type;
  }

  private static Metadata metadata(LoadRequest request) {
    Metadata metadata = new Metadata();
    if (!request.fileName().isBlank()) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, request.fileName());
    }
    return metadata;
  }

  private static boolean isOdf(MediaType type) {
    return type.toString().startsWith("application/vnd.oasis.opendocument.");
  }
}

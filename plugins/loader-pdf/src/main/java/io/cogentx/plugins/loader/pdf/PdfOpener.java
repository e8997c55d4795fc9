package io.cogentx.plugins.loader.pdf;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Opens a spooled PDF from disk with bounded memory (file-backed reading, stream cache in temporary
 * files) and turns PDFBox's failures into {@link DocumentException}s a person can act on. A file
 * whose structure is damaged is first parsed strictly; if only PDFBox's lenient (repairing) parser
 * can read it, it is loaded with a warning.
 */
final class PdfOpener {

  private static final System.Logger LOG = System.getLogger(PdfOpener.class.getName());

  private PdfOpener() {}

  /**
   * Opens {@code file}; {@code password} may be null. Adds a warning to {@code warnings} when the
   * file had to be repaired.
   */
  static PDDocument open(Path file, long size, String password, List<String> warnings)
      throws DocumentException {
    if (size == 0) {
      throw new DocumentException(
          Reason.EMPTY,
          "The file is empty (0 bytes): upload the PDF again, the upload may have failed.");
    }
    if (!hasPdfHeader(file)) {
      throw new DocumentException(
          Reason.UNSUPPORTED_FORMAT,
          "This file is not a PDF: it does not start with the %PDF- header. It may be another format"
              + " saved with a .pdf name; open it and export it as PDF.");
    }
    try {
      return parse(file, password, false);
    } catch (InvalidPasswordException e) {
      throw passwordProblem(password, e);
    } catch (IOException | RuntimeException | StackOverflowError strictFailure) {
      LOG.log(System.Logger.Level.DEBUG, "Strict parse failed, trying to repair", strictFailure);
      try {
        PDDocument repaired = parse(file, password, true);
        warnings.add(
            "The PDF is damaged ("
                + plain(strictFailure)
                + "); its structure was repaired while reading, so some text may be missing or out"
                + " of order.");
        return repaired;
      } catch (InvalidPasswordException e) {
        throw passwordProblem(password, e);
      } catch (IOException | RuntimeException e) {
        throw damaged(file, size, e);
      } catch (StackOverflowError e) {
        throw new DocumentException(
            Reason.DAMAGED,
            "The PDF is damaged: its objects are nested too deeply to be read. Export it again from"
                + " the original, or repair it (e.g. with qpdf).",
            e);
      }
    }
  }

  /** Opens another copy of a file {@link #open} accepted, e.g. for a second reading thread. */
  static PDDocument reopen(Path file, String password) throws IOException {
    return parse(file, password, true);
  }

  private static PDDocument parse(Path file, String password, boolean lenient) throws IOException {
    RandomAccessRead source = new RandomAccessReadBufferedFile(file.toFile());
    try {
      PDFParser parser = new ConfigurableParser(source, password == null ? "" : password, lenient);
      return parser.parse(); // the document closes the source
    } catch (IOException | RuntimeException | StackOverflowError e) {
      source.close();
      throw e;
    }
  }

  private static DocumentException passwordProblem(String password, InvalidPasswordException e) {
    if (password == null || password.isEmpty()) {
      return new DocumentException(
          Reason.PASSWORD_REQUIRED,
          "This PDF is password-protected: upload it again together with the password that opens"
              + " it.",
          e);
    }
    return new DocumentException(
        Reason.PASSWORD_REQUIRED,
        "The password given for this PDF is wrong: check it (letters are case-sensitive) and upload"
            + " the file again with the password that opens it.",
        e);
  }

  private static DocumentException damaged(Path file, long size, Exception e) {
    String detail = plain(e);
    String message;
    if (!endsWithEofMarker(file, size)) {
      message =
          "The PDF is incomplete: it ends after "
              + size
              + " bytes without the end-of-file marker, as a cut-off download does, and its pages"
              + " cannot be found ("
              + detail
              + "). Download or export it again.";
    } else if (detail.contains("root object") || detail.contains("trailer")) {
      message =
          "The PDF is damaged: its document catalog (the object that lists the pages) is missing,"
              + " so no page can be found ("
              + detail
              + "). Export it again from the original, or repair it (e.g. with qpdf).";
    } else if (detail.toLowerCase(java.util.Locale.ROOT).contains("page tree")) {
      message =
          "The PDF is damaged: its page tree is broken, so its pages cannot be found ("
              + detail
              + "). Export it again from the original, or repair it (e.g. with qpdf).";
    } else {
      message =
          "The PDF is damaged and cannot be read ("
              + detail
              + "). Export it again from the original, or repair it (e.g. with qpdf).";
    }
    return new DocumentException(Reason.DAMAGED, message, e);
  }

  /** The exception's message without a trailing period, for use inside a sentence. */
  private static String plain(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      return e.getClass().getSimpleName();
    }
    m = m.strip();
    if (m.startsWith("Error: ")) {
      m = m.substring("Error: ".length());
    }
    return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
  }

  private static boolean hasPdfHeader(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return PdfSignature.isPdf(in.readNBytes(PdfSignature.HEADER_WINDOW));
    } catch (IOException e) {
      return false;
    }
  }

  /** True when {@code %%EOF} is in the last 2 KB, as in every complete PDF. */
  private static boolean endsWithEofMarker(Path file, long size) {
    try (var channel = Files.newByteChannel(file)) {
      long start = Math.max(0, size - 2048);
      channel.position(start);
      java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate((int) (size - start));
      while (tail.hasRemaining() && channel.read(tail) > 0) {
        // read the whole tail
      }
      return new String(tail.array(), 0, tail.position(), StandardCharsets.ISO_8859_1)
          .contains("%%EOF");
    } catch (IOException e) {
      return true;
    }
  }

  /** PDFBox's parser with its (protected) leniency switch. */
  private static final class ConfigurableParser extends PDFParser {
    ConfigurableParser(RandomAccessRead source, String password, boolean lenient)
        throws IOException {
      super(source, password, null, null, IOUtils.createTempFileOnlyStreamCache());
      setLenient(lenient);
    }
  }
}

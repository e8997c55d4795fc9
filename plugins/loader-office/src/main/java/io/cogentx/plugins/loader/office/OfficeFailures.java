package io.cogentx.plugins.loader.office;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentException.Reason;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.tika.exception.EncryptedDocumentException;

/**
 * What went wrong with a document, told so that a person can act on it: a password is needed or
 * wrong, the file is damaged or not what its name says, or it is too large or too slow to read.
 * Parser details are kept short and free of class names.
 */
final class OfficeFailures {

  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Za-z_$][\\w$]*(?:@[0-9a-f]+)?:?\\s*");
  private static final int MAX_DETAIL = 160;

  private OfficeFailures() {}

  /** The document needs a password, none or a wrong one was given. */
  static DocumentException password(String format, boolean given, Throwable cause) {
    return new DocumentException(
        Reason.PASSWORD_REQUIRED,
        given
            ? "The password given for this "
                + format
                + " is wrong: check it (letters are case-sensitive) and upload the file again with"
                + " the password that opens it."
            : "This "
                + format
                + " is password-protected: upload it again together with the password that opens"
                + " it.",
        cause);
  }

  static DocumentException stopped(Guard.Stop stop, String format, OfficeSettings settings) {
    return switch (stop) {
      case TIMEOUT ->
          new DocumentException(
              Reason.TOO_LARGE,
              "This "
                  + format
                  + " took longer than "
                  + Math.max(1, settings.timeout().toSeconds())
                  + " s to read and was stopped: it is too large or too complex. Split it into"
                  + " smaller files, or save it in a simpler format (e.g. as PDF), and upload"
                  + " again.");
      case BOMB ->
          new DocumentException(
              Reason.TOO_LARGE,
              "This "
                  + format
                  + " unpacks to far more than its size (over "
                  + settings.maxCompressionRatio()
                  + " times), as a 'zip bomb' built to exhaust a server does, and was refused."
                  + " If it is a real document, split it into smaller files.");
      case CANCELLED ->
          new DocumentException(Reason.EMPTY, "Reading the " + format + " was cancelled.");
      case LIMIT -> throw new IllegalArgumentException("a limit is not a failure");
    };
  }

  /** A parser's failure as a problem the user understands. */
  static DocumentException of(Throwable e, String format, OfficeSettings settings) {
    if (e instanceof DocumentException known) {
      return known;
    }
    String all = chain(e).toLowerCase(Locale.ROOT);
    if (all.contains("zip bomb")
        || all.contains("max size of the expanded data")
        || all.contains("exceeds the max. ratio")
        || all.contains("max entry size")) {
      return stopped(Guard.Stop.BOMB, format, settings);
    }
    if (e instanceof OutOfMemoryError) {
      return new DocumentException(
          Reason.TOO_LARGE,
          "This "
              + format
              + " needs more memory to read than the server allows. Split it into smaller files and"
              + " upload again.");
    }
    return new DocumentException(
        Reason.DAMAGED,
        "This "
            + format
            + " is damaged or incomplete and cannot be read ("
            + detail(e)
            + "). Open it in the program that made it, save it again, and upload that copy.",
        e);
  }

  static boolean isEncrypted(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EncryptedDocumentException
          || t instanceof org.apache.poi.EncryptedDocumentException) {
        return true;
      }
    }
    return false;
  }

  /** The innermost useful message of {@code e}, short and without class names. */
  static String detail(Throwable e) {
    String message = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = t.getMessage();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    if (message == null) {
      message = e.getClass().getSimpleName();
    }
    String plain = CLASS_NAME.matcher(message).replaceAll("").replaceAll("\\s+", " ").strip();
    if (plain.isEmpty()) {
      plain = e.getClass().getSimpleName();
    }
    if (plain.endsWith(".")) {
      plain = plain.substring(0, plain.length() - 1);
    }
    return plain.length() <= MAX_DETAIL ? plain : plain.substring(0, MAX_DETAIL - 1) + "…";
  }

  private static String chain(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null && all.length() < 10_000; t = t.getCause()) {
      all.append(t.getMessage()).append(' ');
      if (t.getCause() == t) {
        break;
      }
    }
    return all.toString();
  }
}

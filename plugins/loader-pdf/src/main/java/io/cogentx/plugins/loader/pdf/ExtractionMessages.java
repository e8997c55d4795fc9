package io.cogentx.plugins.loader.pdf;

import io.cogentx.plugins.loader.pdf.PageResult.Outcome;
import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentException.Reason;
import java.util.ArrayList;
import java.util.List;

/** What the user is told about pages that gave no text, as warnings or as the refusal. */
final class ExtractionMessages {

  /** Why a page is beyond the reader's limits, after the pages' description. */
  private static final String TOO_COMPLEX =
      " would take more than this server reads of one page (content decompressing to over "
          + (DecodeBudget.PAGE_BYTES >> 20)
          + " MB, or images of a scanned page to over "
          + (DecodeBudget.SCAN_PAGE_BYTES >> 20)
          + " MB, over "
          + PageGlyphReader.MAX_GLYPHS
          + " characters, or structures nested too deeply).";

  private ExtractionMessages() {}

  /** Why a document with no text at all cannot be indexed. */
  static DocumentException nothingToIndex(int pages, List<List<Integer>> byOutcome) {
    List<Integer> unreadable = byOutcome.get(Outcome.UNREADABLE.ordinal());
    List<Integer> tooComplex = byOutcome.get(Outcome.TOO_COMPLEX.ordinal());
    if (!tooComplex.isEmpty() && tooComplex.size() + unreadable.size() == pages) {
      return new DocumentException(
          Reason.TOO_LARGE,
          "None of the "
              + pages
              + " pages of this PDF could be read: "
              + PageRanges.describe(tooComplex)
              + TOO_COMPLEX
              + " Export it again from the original, or split it.");
    }
    List<Integer> scans = byOutcome.get(Outcome.SCAN_WITHOUT_OCR.ordinal());
    List<Integer> ocr = new ArrayList<>(byOutcome.get(Outcome.OCR_READ.ordinal()));
    ocr.addAll(byOutcome.get(Outcome.OCR_FAILED.ordinal()));
    ocr.sort(null);
    if (unreadable.size() == pages) {
      return new DocumentException(
          Reason.DAMAGED,
          "None of the "
              + pages
              + " pages of this PDF could be read: their content is damaged. Export it again from"
              + " the original, or repair it (e.g. with qpdf).");
    }
    if (!scans.isEmpty()) {
      return new DocumentException(
          Reason.EMPTY,
          "This PDF has no text layer: it looks like a scan ("
              + PageRanges.describe(scans)
              + (scans.size() == 1 ? " has" : " have")
              + " only images), and OCR is not available on this server, so there is no text to"
              + " index. Upload a PDF with a text layer (e.g. run it through OCR first), or ask the"
              + " operator to install Tesseract.");
    }
    if (!ocr.isEmpty()) {
      return new DocumentException(
          Reason.EMPTY,
          "This PDF has no text layer and OCR found no readable text on its "
              + PageRanges.describe(ocr)
              + ". Check that the scan is legible, or upload a PDF with a text layer.");
    }
    return new DocumentException(
        Reason.EMPTY,
        "This PDF contains no text: its "
            + pages
            + (pages == 1 ? " page is" : " pages are")
            + " blank or only drawings.");
  }

  /** Warnings about pages without text in a document that has some. */
  static List<String> warnings(
      List<List<Integer>> byOutcome, String engineName, PdfSettings settings) {
    List<String> warnings = new ArrayList<>();
    List<Integer> unreadable = byOutcome.get(Outcome.UNREADABLE.ordinal());
    if (!unreadable.isEmpty()) {
      warnings.add(
          capitalize(PageRanges.describe(unreadable))
              + " could not be read (damaged content) and "
              + (unreadable.size() == 1 ? "was" : "were")
              + " skipped.");
    }
    List<Integer> tooComplex = byOutcome.get(Outcome.TOO_COMPLEX.ordinal());
    if (!tooComplex.isEmpty()) {
      warnings.add(
          capitalize(PageRanges.describe(tooComplex))
              + TOO_COMPLEX.replace(" would take", " would have taken").replace(").", ")")
              + " and "
              + (tooComplex.size() == 1 ? "was" : "were")
              + " skipped.");
    }
    List<Integer> scans = byOutcome.get(Outcome.SCAN_WITHOUT_OCR.ordinal());
    if (!scans.isEmpty()) {
      warnings.add(
          capitalize(PageRanges.describe(scans))
              + (scans.size() == 1 ? " has" : " have")
              + " no text layer (scanned images) and OCR is not available, so "
              + (scans.size() == 1 ? "its" : "their")
              + " content was not indexed.");
    }
    List<Integer> read = byOutcome.get(Outcome.OCR_READ.ordinal());
    if (!read.isEmpty()) {
      warnings.add(
          capitalize(PageRanges.describe(read))
              + " had no text layer and "
              + (read.size() == 1 ? "was" : "were")
              + " read with OCR ("
              + engineName
              + "); the text may contain recognition errors.");
    }
    List<Integer> failed = byOutcome.get(Outcome.OCR_FAILED.ordinal());
    if (!failed.isEmpty()) {
      warnings.add(
          "OCR failed or took longer than "
              + settings.ocrTimeout().toSeconds()
              + " s on "
              + PageRanges.describe(failed)
              + ", so "
              + (failed.size() == 1 ? "its" : "their")
              + " content was not indexed.");
    }
    List<Integer> overLimit = byOutcome.get(Outcome.OCR_OVER_LIMIT.ordinal());
    if (!overLimit.isEmpty()) {
      warnings.add(
          "Only "
              + settings.ocrMaxPages()
              + " scanned pages per document are read with OCR (OCR_MAX_PAGES); "
              + PageRanges.describe(overLimit)
              + " were not indexed.");
    }
    return warnings;
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}

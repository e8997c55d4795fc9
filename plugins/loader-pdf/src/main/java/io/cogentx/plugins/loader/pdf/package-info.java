/**
 * The {@code pdf} document loader: PDFBox text extraction in reading order (columns, tables),
 * password handling, damaged-file reporting, and OCR of scanned pages through {@link
 * io.cogentx.plugins.loader.pdf.OcrEngine} implementations found with ServiceLoader.
 */
package io.cogentx.plugins.loader.pdf;

/**
 * The {@code pdf} document loader: PDFBox text extraction in reading order (columns, tables),
 * password handling, damaged-file reporting, and OCR of scanned pages through {@link
 * io.cogentx.spi.OcrEngine} plugins (OCR_ENGINE).
 */
package io.cogentx.plugins.loader.pdf;

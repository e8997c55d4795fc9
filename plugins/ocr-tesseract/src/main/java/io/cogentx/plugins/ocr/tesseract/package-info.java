/**
 * The {@code tesseract} OCR engine for the PDF loader: pages without a text layer are read by the
 * Tesseract command-line program.
 */
package io.cogentx.plugins.ocr.tesseract;

/**
 * The {@code office} document loader: Word, Excel and PowerPoint (OOXML and 97-2003), OpenDocument,
 * RTF, HTML, EPUB, e-mail and CSV through Apache Tika's parsers, read into segments that keep the
 * document's structure (headings, paragraphs, table rows with their header, slides, sheets,
 * attachments, footnotes) and name where each sits ({@link io.cogentx.spi.Segment#location()}).
 */
package io.cogentx.plugins.loader.office;

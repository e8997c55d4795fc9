package io.cogentx.retrieval;

import java.time.Instant;
import java.util.List;

/**
 * A document held by a session, as listed to its user.
 *
 * @param id the document's id within the session
 * @param title its title (the document's own, else the file name)
 * @param fileName the uploaded file's name, or {@code null} for pasted text
 * @param mediaType the media type it was read as
 * @param loader the loader plugin that read it
 * @param chunks number of chunks indexed
 * @param characters characters of extracted text
 * @param bytes bytes held for it (text and vectors)
 * @param addedAt when it was added
 * @param warnings what the user should know about the extraction
 * @param fileBytes the size of the file as uploaded (what the user sees on their disk), or {@code
 *     null} when unknown
 */
public record DocumentInfo(
    String id,
    String title,
    String fileName,
    String mediaType,
    String loader,
    int chunks,
    long characters,
    long bytes,
    Instant addedAt,
    List<String> warnings,
    Long fileBytes) {

  public DocumentInfo {
    warnings = List.copyOf(warnings);
  }

  /** A document whose uploaded size is not known. */
  public DocumentInfo(
      String id,
      String title,
      String fileName,
      String mediaType,
      String loader,
      int chunks,
      long characters,
      long bytes,
      Instant addedAt,
      List<String> warnings) {
    this(
        id, title, fileName, mediaType, loader, chunks, characters, bytes, addedAt, warnings, null);
  }
}

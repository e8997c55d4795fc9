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
 * @param fileSize bytes of the file as uploaded (of the text, for pasted text)
 * @param chunks number of chunks indexed
 * @param characters characters of extracted text
 * @param bytes bytes held for it (text and vectors)
 * @param addedAt when it was added
 * @param warnings what the user should know about the extraction
 */
public record DocumentInfo(
    String id,
    String title,
    String fileName,
    String mediaType,
    String loader,
    long fileSize,
    int chunks,
    long characters,
    long bytes,
    Instant addedAt,
    List<String> warnings) {

  public DocumentInfo {
    warnings = List.copyOf(warnings);
  }
}

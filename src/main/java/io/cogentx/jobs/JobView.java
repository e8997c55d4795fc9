package io.cogentx.jobs;

import io.cogentx.retrieval.DocumentInfo;
import java.time.Instant;
import java.util.Map;

/**
 * A job as the API shows it (a snapshot; JSON names are snake_case).
 *
 * @param id the job's id
 * @param state {@code queued|running|succeeded|failed|cancelled}
 * @param stage {@code stored|extracting|ocr|chunking|embedding|indexed}
 * @param done units of the stage done (pages, chunks)
 * @param total units of the stage in all
 * @param message the progress in words, e.g. "Extracting page 3 of 117"
 * @param fileName the uploaded file's name, or {@code null} for pasted text
 * @param title the title the user gave, or {@code null}
 * @param document the document added, only when succeeded
 * @param problem the problem details (RFC 9457 members), only when failed
 * @param createdAt when the upload was stored
 * @param updatedAt when the job last changed
 */
public record JobView(
    String id,
    String state,
    String stage,
    int done,
    int total,
    String message,
    String fileName,
    String title,
    DocumentInfo document,
    Map<String, Object> problem,
    Instant createdAt,
    Instant updatedAt) {}

package io.cogentx.retrieval;

import io.cogentx.spi.StoredDocument;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/**
 * A document as a session store keeps it: the store's record with the server's own description of
 * the document ({@link DocumentInfo}) as a JSON object in its metadata, format {@value #FORMAT}.
 */
final class DocumentRecords {

  static final int FORMAT = 1;

  private DocumentRecords() {}

  static StoredDocument record(DocumentInfo d, String embeddingModel, int dimension) {
    JsonArrayBuilder warnings = Json.createArrayBuilder();
    d.warnings().forEach(warnings::add);
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("format", FORMAT)
            .add("id", d.id())
            .add("title", d.title())
            .add("media_type", nullable(d.mediaType()))
            .add("file_name", nullable(d.fileName()))
            .add("loader", nullable(d.loader()))
            .add("file_size", d.fileSize())
            .add("chunks", d.chunks())
            .add("characters", d.characters())
            .add("bytes", d.bytes())
            .add("added_at", d.addedAt().toString())
            .add("warnings", warnings);
    return new StoredDocument(
        d.id(), d.chunks(), embeddingModel, dimension, d.addedAt(), json.build().toString());
  }

  static DocumentInfo info(StoredDocument record) {
    JsonObject json;
    try (JsonReader reader = Json.createReader(new StringReader(record.metadata()))) {
      json = reader.readObject();
    }
    return new DocumentInfo(
        record.id(),
        json.getString("title", ""),
        string(json, "file_name"),
        string(json, "media_type"),
        string(json, "loader"),
        json.getJsonNumber("file_size").longValue(),
        record.chunks(),
        number(json, "characters"),
        number(json, "bytes"),
        record.addedAt(),
        json.containsKey("warnings")
            ? json.getJsonArray("warnings").getValuesAs(JsonString::getString)
            : List.of());
  }

  private static JsonValue nullable(String s) {
    return s == null ? JsonValue.NULL : Json.createValue(s);
  }

  private static String string(JsonObject json, String key) {
    JsonValue v = json.get(key);
    return v instanceof JsonString s ? s.getString() : null;
  }

  private static long number(JsonObject json, String key) {
    JsonValue v = json.get(key);
    return v instanceof JsonNumber n ? n.longValue() : 0;
  }
}

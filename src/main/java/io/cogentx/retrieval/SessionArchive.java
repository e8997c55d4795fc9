package io.cogentx.retrieval;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.DocumentChunks;
import io.cogentx.spi.Embedder;
import io.cogentx.spi.KeptFile;
import io.cogentx.spi.StoredDocument;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A session as one versioned ZIP archive users can take with them and bring back:
 *
 * <pre>
 * manifest.json          {"format": "cogentx-session", "version": 1, "embedding_model", "dimension",
 *                         "exported_at", "documents": [ids, oldest first]}
 * documents/ID.json      {"document": the document as listed, "chunks": [{position, title, content,
 *                         start_offset, end_offset, page, start_seconds, end_seconds, location,
 *                         "vector": base64 of little-endian float32}]}
 * files/ID               the file as uploaded, where kept
 * </pre>
 *
 * Importing checks the format and version, every size against the server's limits (the bytes read,
 * not what the archive claims), ids, chunk and vector counts and the embedding model: vectors of
 * another model are embedded again from the chunks' text when asked to, refused otherwise.
 */
public final class SessionArchive {

  public static final String FORMAT = "cogentx-session";
  public static final int VERSION = 1;
  public static final String MEDIA_TYPE = "application/zip";

  private static final Pattern DOCUMENT_ID = Pattern.compile("[0-9a-f]{16}");

  private SessionArchive() {}

  // ---- export

  /** Writes every document of {@code kb} with its chunks, vectors and file. */
  public static void write(KnowledgeBase kb, OutputStream out, Instant now) throws IOException {
    List<KnowledgeBase.Exported> documents = kb.export();
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    JsonArrayBuilder ids = Json.createArrayBuilder();
    documents.forEach(d -> ids.add(d.document().id()));
    JsonObject manifest =
        Json.createObjectBuilder()
            .add("format", FORMAT)
            .add("version", VERSION)
            .add("embedding_model", kb.index().spec().embeddingModel())
            .add("dimension", kb.index().spec().dimension())
            .add("exported_at", now.toString())
            .add("documents", ids)
            .build();
    entry(zip, "manifest.json", manifest.toString().getBytes(StandardCharsets.UTF_8));
    for (KnowledgeBase.Exported d : documents) {
      String id = d.document().id();
      entry(zip, "documents/" + id + ".json", documentJson(kb, d).getBytes(StandardCharsets.UTF_8));
      java.util.Optional<KeptFile> file = kb.file(id);
      if (file.isPresent()) {
        zip.putNextEntry(new ZipEntry("files/" + id));
        try (InputStream in = file.get().open(0)) {
          in.transferTo(zip);
        }
        zip.closeEntry();
      }
    }
    zip.finish();
    zip.flush();
  }

  private static String documentJson(KnowledgeBase kb, KnowledgeBase.Exported d) {
    StoredDocument record =
        DocumentRecords.record(
            d.document(), kb.index().spec().embeddingModel(), kb.index().spec().dimension());
    JsonObject document;
    try (JsonReader r = Json.createReader(new java.io.StringReader(record.metadata()))) {
      document = r.readObject();
    }
    JsonArrayBuilder chunks = Json.createArrayBuilder();
    List<Chunk> cs = d.chunks().chunks();
    for (int i = 0; i < cs.size(); i++) {
      Chunk c = cs.get(i);
      JsonObjectBuilder chunk =
          Json.createObjectBuilder()
              .add("position", c.position())
              .add("content", c.text())
              .add("start_offset", c.startOffset())
              .add("end_offset", c.endOffset())
              .add("vector", encode(d.chunks().vectors()[i]));
      if (c.title() != null) {
        chunk.add("title", c.title());
      }
      if (c.page() != null) {
        chunk.add("page", c.page());
      }
      if (c.startSeconds() != null) {
        chunk.add("start_seconds", c.startSeconds());
      }
      if (c.endSeconds() != null) {
        chunk.add("end_seconds", c.endSeconds());
      }
      if (c.location() != null) {
        chunk.add("location", c.location());
      }
      chunks.add(chunk);
    }
    return Json.createObjectBuilder()
        .add("document", document)
        .add("chunks", chunks)
        .build()
        .toString();
  }

  private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
  }

  // ---- import

  /**
   * What an import may hold at most.
   *
   * @param maxBytes bytes of all entries uncompressed
   * @param maxDocuments documents
   * @param maxChunks chunks in all
   */
  public record Limits(long maxBytes, int maxDocuments, int maxChunks) {}

  /** An archive's documents, read and checked, not yet added. */
  public record Contents(String embeddingModel, int dimension, List<Entry> documents) {

    public int chunkCount() {
      return documents.stream().mapToInt(e -> e.chunks().chunks().size()).sum();
    }
  }

  /** One document of an archive; its file, if any, in a temporary file of the caller's. */
  public record Entry(DocumentInfo document, DocumentChunks chunks, Path file) {}

  /**
   * Reads an archive, keeping its files in {@code temp} (deleted by the caller).
   *
   * @throws ArchiveException when it is not a readable session archive of this version, or exceeds
   *     the limits
   */
  public static Contents read(InputStream in, Limits limits, Path temp) throws IOException {
    Budget budget = new Budget(limits.maxBytes());
    JsonObject manifest = null;
    Map<String, JsonObject> documents = new HashMap<>();
    Map<String, Path> files = new HashMap<>();
    int entries = 0;
    try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        if (++entries > 2 * limits.maxDocuments() + 1) {
          throw new ArchiveException(
              "The archive holds more documents than a session may ("
                  + limits.maxDocuments()
                  + ").");
        }
        String name = e.getName();
        if (name.equals("manifest.json")) {
          manifest = json(budget.read(zip), name);
        } else if (name.startsWith("documents/") && name.endsWith(".json")) {
          String id = documentId(name.substring(10, name.length() - 5));
          documents.put(id, json(budget.read(zip), name));
        } else if (name.startsWith("files/")) {
          String id = documentId(name.substring(6));
          Path file = Files.createTempFile(temp, "import-", ".bin");
          try (OutputStream out = Files.newOutputStream(file)) {
            budget.copy(zip, out);
          }
          files.put(id, file);
        } else if (!e.isDirectory()) {
          throw new ArchiveException("The archive holds an unknown entry: " + shorten(name));
        }
      }
    } catch (ZipException e) {
      throw new ArchiveException("This is not a readable ZIP archive: " + e.getMessage());
    }
    if (manifest == null) {
      throw new ArchiveException(
          "This is not a Cogent-X session archive (no manifest.json). Export one with GET"
              + " /api/v1/session/export.");
    }
    if (!FORMAT.equals(manifest.getString("format", ""))) {
      throw new ArchiveException("manifest.json does not name the format " + FORMAT + ".");
    }
    int version = manifest.getInt("version", -1);
    if (version != VERSION) {
      throw new ArchiveException(
          "The archive has format version "
              + version
              + "; this server reads version "
              + VERSION
              + ".");
    }
    String model = manifest.getString("embedding_model", "");
    int dimension = manifest.getInt("dimension", 0);
    if (model.isBlank() || dimension <= 0) {
      throw new ArchiveException("manifest.json must name the embedding model and dimension.");
    }
    List<Entry> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int chunkTotal = 0;
    for (JsonValue idValue : manifest.getJsonArray("documents")) {
      String id = documentId(((JsonString) idValue).getString());
      if (!seen.add(id)) {
        throw new ArchiveException("The manifest lists a document twice.");
      }
      JsonObject doc = documents.get(id);
      if (doc == null) {
        throw new ArchiveException("The archive lacks documents/" + id + ".json.");
      }
      Entry entry = entry(id, doc, dimension, files.get(id));
      chunkTotal += entry.chunks().chunks().size();
      if (seen.size() > limits.maxDocuments() || chunkTotal > limits.maxChunks()) {
        throw new QuotaExceededException(
            seen.size() > limits.maxDocuments()
                ? QuotaExceededException.Kind.DOCUMENTS
                : QuotaExceededException.Kind.CHUNKS,
            seen.size() > limits.maxDocuments() ? limits.maxDocuments() : limits.maxChunks(),
            "The archive holds more than this session may take (at most "
                + limits.maxDocuments()
                + " documents and "
                + limits.maxChunks()
                + " chunks in all).");
      }
      out.add(entry);
    }
    return new Contents(model, dimension, out);
  }

  private static Entry entry(String id, JsonObject json, int dimension, Path file) {
    try {
      JsonObject d = json.getJsonObject("document");
      List<Chunk> chunks = new ArrayList<>();
      List<float[]> vectors = new ArrayList<>();
      String title = d.getString("title", "");
      for (JsonValue v : json.getJsonArray("chunks")) {
        JsonObject c = v.asJsonObject();
        chunks.add(
            new Chunk(
                id,
                c.containsKey("title") ? c.getString("title") : null,
                c.getInt("position"),
                c.getString("content"),
                c.getInt("start_offset"),
                c.getInt("end_offset"),
                c.containsKey("page") ? c.getInt("page") : null,
                c.containsKey("start_seconds") ? number(c, "start_seconds") : null,
                c.containsKey("end_seconds") ? number(c, "end_seconds") : null,
                c.containsKey("location") ? c.getString("location") : null));
        float[] vector = decode(c.getString("vector"));
        if (vector.length != dimension) {
          throw new ArchiveException(
              "A vector of document "
                  + id
                  + " has "
                  + vector.length
                  + " dimensions; the manifest says "
                  + dimension
                  + ".");
        }
        vectors.add(vector);
      }
      if (chunks.isEmpty()) {
        throw new ArchiveException("Document " + id + " has no chunks.");
      }
      StoredDocument record =
          new StoredDocument(
              id,
              chunks.size(),
              "archive",
              dimension,
              Instant.parse(d.getString("added_at")),
              d.toString());
      DocumentInfo info = DocumentRecords.info(record);
      if (info.title() == null || title.isEmpty() && info.title().isEmpty()) {
        info = withTitle(info, "Untitled");
      }
      return new Entry(info, new DocumentChunks(chunks, vectors.toArray(new float[0][])), file);
    } catch (ArchiveException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ArchiveException(
          "documents/" + id + ".json is not a document as exported (" + e.getMessage() + ").");
    }
  }

  private static DocumentInfo withTitle(DocumentInfo d, String title) {
    return new DocumentInfo(
        d.id(),
        title,
        d.fileName(),
        d.mediaType(),
        d.loader(),
        d.fileSize(),
        d.chunks(),
        d.characters(),
        d.bytes(),
        d.addedAt(),
        d.warnings());
  }

  /**
   * Adds an archive's documents to {@code kb}: with their own vectors when the archive's model is
   * the server's, embedded again from their text when {@code reembed}, refused otherwise. A
   * document whose id the session already holds gets a new id. Stops at the first failure; the
   * documents added before it stay.
   *
   * @throws EmbeddingMismatchException when the models differ and {@code reembed} is false
   */
  public static List<DocumentInfo> restore(
      KnowledgeBase kb, Contents contents, Embedder embedder, boolean reembed, Limits limits)
      throws IOException {
    boolean sameModel =
        contents.embeddingModel().equals(embedder.modelName())
            && contents.dimension() == embedder.dimension();
    if (!sameModel && !reembed) {
      throw new EmbeddingMismatchException(
          "The archive holds vectors of model "
              + contents.embeddingModel()
              + " ("
              + contents.dimension()
              + " dimensions) but this server embeds with "
              + embedder.modelName()
              + " ("
              + embedder.dimension()
              + " dimensions). Import with ?reembed=true to embed its text again.");
    }
    if (kb.documentCount() + contents.documents().size() > limits.maxDocuments()) {
      throw new QuotaExceededException(
          QuotaExceededException.Kind.DOCUMENTS,
          limits.maxDocuments(),
          "The session holds "
              + kb.documentCount()
              + " documents; with the archive's "
              + contents.documents().size()
              + " it would exceed its maximum of "
              + limits.maxDocuments()
              + ".");
    }
    if (kb.chunkCount() + contents.chunkCount() > limits.maxChunks()) {
      throw new QuotaExceededException(
          QuotaExceededException.Kind.CHUNKS,
          limits.maxChunks(),
          "The archive's "
              + contents.chunkCount()
              + " chunks would take the session over its maximum of "
              + limits.maxChunks()
              + ".");
    }
    List<DocumentInfo> added = new ArrayList<>();
    for (Entry e : contents.documents()) {
      DocumentInfo d = e.document();
      List<Chunk> chunks = e.chunks().chunks();
      if (kb.document(d.id()).isPresent()) {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        chunks =
            chunks.stream()
                .map(
                    c ->
                        new Chunk(
                            id,
                            c.title(),
                            c.position(),
                            c.text(),
                            c.startOffset(),
                            c.endOffset(),
                            c.page(),
                            c.startSeconds(),
                            c.endSeconds(),
                            c.location()))
                .toList();
        d =
            new DocumentInfo(
                id,
                d.title(),
                d.fileName(),
                d.mediaType(),
                d.loader(),
                d.fileSize(),
                d.chunks(),
                d.characters(),
                d.bytes(),
                d.addedAt(),
                d.warnings());
      }
      float[][] vectors =
          sameModel
              ? e.chunks().vectors()
              : embedder.embed(chunks.stream().map(Chunk::text).toList());
      kb.add(d, chunks, vectors, e.file());
      added.add(d);
    }
    return added;
  }

  // ---- helpers

  private static JsonObject json(byte[] bytes, String name) {
    try (JsonReader r = Json.createReader(new ByteArrayInputStream(bytes))) {
      return r.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new ArchiveException(name + " is not a JSON object.");
    }
  }

  private static String documentId(String id) {
    if (!DOCUMENT_ID.matcher(id).matches()) {
      throw new ArchiveException("The archive names a document by an invalid id: " + shorten(id));
    }
    return id;
  }

  private static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  private static double number(JsonObject o, String key) {
    return ((JsonNumber) o.get(key)).doubleValue();
  }

  static String encode(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : v) {
      b.putFloat(f);
    }
    return Base64.getEncoder().encodeToString(b.array());
  }

  static float[] decode(String base64) {
    ByteBuffer b =
        ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
    float[] v = new float[b.remaining() / 4];
    for (int i = 0; i < v.length; i++) {
      v[i] = b.getFloat();
    }
    return v;
  }

  /** The uncompressed bytes an import may still read: a small archive cannot inflate past it. */
  private static final class Budget {
    private final long max;
    private long left;

    Budget(long max) {
      this.max = max;
      this.left = max;
    }

    byte[] read(InputStream in) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      copy(in, out);
      return out.toByteArray();
    }

    void copy(InputStream in, OutputStream out) throws IOException {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        left -= n;
        if (left < 0) {
          throw new ArchiveException(
              "The archive unpacks to more than this server accepts ("
                  + max / (1024 * 1024)
                  + " MB).");
        }
        out.write(buffer, 0, n);
      }
    }
  }

  /** An archive of the given entries, for tests writing archives by hand. */
  static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : new LinkedHashMap<>(entries).entrySet()) {
        entry(zip, e.getKey(), e.getValue());
      }
    }
    return bytes.toByteArray();
  }
}

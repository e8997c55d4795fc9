package io.cogentx.it;

import static io.cogentx.it.Api.SESSION;
import static io.cogentx.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A session taken away as an archive and brought back into another session: same documents, same
 * files, same search results; archives that are not ours, of another version or another model are
 * refused with a problem a person can act on.
 */
class SessionExportIT {

  @Test
  void anExportedSessionImportedElsewhereFindsExactlyWhatItFoundBefore() throws Exception {
    String source = Api.newSession();
    add(source, "Harbour", "The harbour master logs every ship that enters the bay. ".repeat(20));
    add(source, "Orchard", "Apple trees in the orchard bloom in late April. ".repeat(20));
    add(source, "Foundry", "The foundry casts bronze bells for churches. ".repeat(20));

    HttpResponse<byte[]> exported =
        Api.HTTP_BYTES.send(
            Api.request("/api/v1/session/export").header(SESSION, source).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(exported.statusCode()).isEqualTo(200);
    assertThat(exported.headers().firstValue("Content-Type")).hasValue("application/zip");

    String target = Api.newSession();
    HttpResponse<String> imported = importArchive(target, exported.body(), "");
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    assertThat(Api.json(imported).getInt("imported")).isEqualTo(3);

    assertThat(documents(target)).isEqualTo(documents(source));
    for (String query : List.of("ships entering the bay", "when do apple trees bloom", "bells")) {
      for (String mode : List.of("hybrid", "vector", "keyword")) {
        assertThat(search(target, query, mode)).isEqualTo(search(source, query, mode));
      }
    }
    String id =
        Api.json(Api.get("/api/v1/documents", SESSION, target))
            .getJsonArray("documents")
            .getJsonObject(0)
            .getString("id");
    assertThat(Api.get("/api/v1/documents/" + id + "/content", SESSION, target).body())
        .isEqualTo(Api.get("/api/v1/documents/" + id + "/content", SESSION, source).body());
  }

  @Test
  void archivesThatAreNotOursOrOfAnotherVersionOrModelAreRefused() throws Exception {
    String session = Api.newSession();
    assertProblem(importArchive(session, "not a zip".getBytes(), ""), 422);
    assertProblem(
        importArchive(
            session,
            zip(
                "{\"format\":\"cogentx-session\",\"version\":9,"
                    + "\"embedding_model\":\"all-MiniLM-L6-v2\",\"dimension\":384,\"documents\":[]}"),
            ""),
        422);
    HttpResponse<String> otherModel =
        importArchive(
            session,
            zip(
                "{\"format\":\"cogentx-session\",\"version\":1,\"embedding_model\":\"other\","
                    + "\"dimension\":384,\"documents\":[]}"),
            "");
    assertProblem(otherModel, 409);
    assertThat(Api.json(otherModel).getString("detail")).contains("reembed=true");
    assertThat(
            importArchive(
                    session,
                    zip(
                        "{\"format\":\"cogentx-session\",\"version\":1,\"embedding_model\":"
                            + "\"other\",\"dimension\":384,\"documents\":[]}"),
                    "?reembed=true")
                .statusCode())
        .isEqualTo(201);
  }

  private static byte[] zip(String manifest) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("manifest.json"));
      zip.write(manifest.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  private static HttpResponse<String> importArchive(String session, byte[] archive, String query) {
    return Api.send(
        Api.request("/api/v1/session/import" + query)
            .header(SESSION, session)
            .header("Content-Type", "application/zip")
            .POST(HttpRequest.BodyPublishers.ofByteArray(archive)));
  }

  private static void add(String session, String title, String text) {
    HttpResponse<String> r =
        Api.postJson(
            "/api/v1/documents?wait=true",
            session,
            "{\"title\": " + Api.quote(title) + ", \"text\": " + Api.quote(text) + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  private static List<JsonObject> documents(String session) {
    return Api.json(Api.get("/api/v1/documents", SESSION, session))
        .getJsonArray("documents")
        .getValuesAs(JsonObject.class);
  }

  private static String search(String session, String query, String mode) {
    HttpResponse<String> r =
        Api.postJson(
            "/api/v1/search",
            session,
            "{\"query\": " + Api.quote(query) + ", \"k\": 5, \"mode\": \"" + mode + "\"}");
    assertThat(r.statusCode()).isEqualTo(200);
    return Api.json(r).getJsonArray("results").toString();
  }
}

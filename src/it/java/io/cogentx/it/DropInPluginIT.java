package io.cogentx.it;

import static io.cogentx.it.Api.SESSION;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The worked example of docs/writing-a-plugin.md, dropped into the test server's plugins directory
 * (plugins/loader-subtitles, not in the WAR): listed, and reading subtitle files whose cues are
 * cited by time.
 */
class DropInPluginIT {

  private static final String SRT =
      """
      1
      00:00:01,000 --> 00:00:04,000
      Welcome to the lecture on tidal power.

      2
      00:02:13,500 --> 00:02:41,000
      The barrage at La Rance has produced electricity since 1966.
      """;

  @Test
  void theDroppedInLoaderIsListedFromItsJar() {
    JsonObject plugins = Api.json(Api.get("/api/v1/plugins"));
    assertThat(plugins.getJsonArray("plugin_jars").toString())
        .contains("cogentx-loader-subtitles.jar");
    JsonObject subtitles =
        plugins
            .getJsonObject("kinds")
            .getJsonArray("loaders")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(l -> l.getString("name").equals("subtitles"))
            .findFirst()
            .orElseThrow();
    assertThat(subtitles.getBoolean("active")).isTrue();
    assertThat(subtitles.getJsonArray("file_extensions").toString()).contains("srt", "vtt");
    assertThat(subtitles.getString("progress_unit")).isEqualTo("cue");
    assertThat(subtitles.getJsonArray("settings").toString()).contains("SUBTITLES_MAX_CUES");
  }

  @Test
  void aSubtitleFileIsIndexedAndFoundWithTheTimeOfItsCue() {
    String session = Api.newSession();
    HttpResponse<String> upload =
        Api.send(
            new Multipart()
                .file(
                    "file",
                    "lecture.srt",
                    "application/x-subrip",
                    SRT.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/documents?wait=true", session));
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
    assertThat(Api.json(upload).getString("loader")).isEqualTo("subtitles");

    JsonObject top =
        Api.json(
                Api.postJson(
                    "/api/v1/search",
                    session,
                    "{\"query\": \"since when does La Rance produce electricity\", \"k\": 1}"))
            .getJsonArray("results")
            .getJsonObject(0);
    assertThat(top.getString("text")).contains("1966");
    assertThat(top.getJsonNumber("start_seconds").doubleValue()).isEqualTo(1.0);
    assertThat(top.getJsonNumber("end_seconds").doubleValue()).isEqualTo(161.0);
    assertThat(Api.get("/api/v1/session/info", SESSION, session).statusCode()).isEqualTo(200);
  }
}

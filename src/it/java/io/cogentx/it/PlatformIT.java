package io.cogentx.it;

import static io.cogentx.it.Api.SESSION;
import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.plugins.generator.ollama.OllamaDouble;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Health, docs, metrics and CORS: what operators and browsers rely on. */
class PlatformIT {

  @ParameterizedTest
  @ValueSource(strings = {"/health/live", "/health/ready", "/health/started"})
  void mpHealthEndpointsAreUp(String path) {
    HttpResponse<String> response = Api.get(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject health = Api.json(response);
    assertThat(health.getString("status")).isEqualTo("UP");
    assertThat(response.body()).contains("\"sessions\"");
  }

  @Test
  void seedHealthEndpointMirrorsReadinessAndReportsOllamaWithoutFailing() {
    // the second test server has no Ollama (the first one talks to the tests' Ollama double)
    HttpResponse<String> response =
        Api.send(
            HttpRequest.newBuilder(
                java.net.URI.create(
                    System.getProperty("it.expiry.base.url", "http://127.0.0.1:18081")
                        + "/api/v1/health")));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject health = Api.json(response);
    assertThat(health.getString("status")).isEqualTo("healthy");
    JsonObject plugins =
        health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getString("name").equals("plugins"))
            .findFirst()
            .orElseThrow();
    // Ollama away: the generator says so, and the server stays ready (answers are extractive)
    assertThat(plugins.getString("status")).isEqualTo("UP");
    assertThat(plugins.getJsonObject("data").getString("ollama")).isEqualTo("degraded");
    assertThat(plugins.getJsonObject("data").getString("ollama.reachable")).isEqualTo("false");
    assertThat(plugins.getJsonObject("data").getString("ollama.message")).contains("extractive");
    assertThat(response.headers().firstValue(SESSION)).isEmpty();
  }

  @Test
  void readinessSaysWhetherOllamaHoldsTheConfiguredModelAndHowToPullIt() {
    OllamaDouble ollama = Ollama.fresh(); // lists llama2:latest, the server's OLLAMA_MODEL
    try {
      JsonObject pulled = pluginsCheck(Api.get("/health/ready")).getJsonObject("data");
      assertThat(pulled.getString("ollama")).isEqualTo("up");
      assertThat(pulled.getString("ollama.reachable")).isEqualTo("true");
      assertThat(pulled.getString("ollama.model_available")).isEqualTo("true");

      ollama.model("mistral");
      HttpResponse<String> ready = Api.get("/health/ready");
      JsonObject missing = pluginsCheck(ready);
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(missing.getString("status")).isEqualTo("UP");
      assertThat(missing.getJsonObject("data").getString("ollama")).isEqualTo("degraded");
      assertThat(missing.getJsonObject("data").getString("ollama.model_available"))
          .isEqualTo("false");
      assertThat(missing.getJsonObject("data").getString("ollama.message"))
          .contains("ollama pull llama2");
    } finally {
      ollama.reset();
    }
  }

  private static JsonObject pluginsCheck(HttpResponse<String> health) {
    return Api.json(health).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(c -> c.getString("name").equals("plugins"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void apiDocsAreServedAndDocumentTheSessionHeader() {
    HttpResponse<String> ui = Api.get("/api/docs");
    assertThat(ui.statusCode()).isEqualTo(200);
    assertThat(ui.body()).containsIgnoringCase("<html");

    HttpResponse<String> doc = Api.get("/api/openapi", "Accept", "application/json");
    assertThat(doc.statusCode()).isEqualTo(200);
    JsonObject paths = Api.json(doc).getJsonObject("paths");
    assertThat(paths.keySet())
        .contains(
            "/api/v1/session/info",
            "/api/v1/session",
            "/api/v1/admin/sessions",
            "/api/v1/documents",
            "/api/v1/documents/{id}",
            "/api/v1/search");
    assertThat(paths.getJsonObject("/api/v1/documents").toString())
        .contains("multipart/form-data", "application/json", "X-Session-Id");
    String info = paths.getJsonObject("/api/v1/session/info").toString();
    String log = readLog();
    assertThat(log).as("OpenAPI validation errors in messages.log").doesNotContain("CWWKO1650E");
    assertThat(info).contains("X-Session-Id");
  }

  @Test
  void pluginsListWhatTheServerCanReadAndHowItSearches() {
    HttpResponse<String> response = Api.get("/api/v1/plugins");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject kinds = Api.json(response).getJsonObject("kinds");
    assertThat(kinds.keySet())
        .containsExactly(
            "loaders",
            "embedders",
            "index_backends",
            "generators",
            "transcribers",
            "ocr_engines",
            "session_stores");
    JsonObject pdf = named(kinds, "loaders", "pdf");
    assertThat(pdf.getBoolean("active")).isTrue();
    assertThat(pdf.getString("progress_unit")).isEqualTo("page");
    assertThat(pdf.getJsonArray("media_types").toString()).contains("application/pdf");
    assertThat(pdf.getJsonArray("settings").toString()).contains("OCR_LANGUAGES", "OCR_MAX_PAGES");
    // the IT server sets OCR_MAX_PAGES=2: the listing shows the value in force beside the default
    JsonObject ocrMaxPages =
        pdf.getJsonArray("settings").getValuesAs(JsonObject.class).stream()
            .filter(s -> s.getString("name").equals("OCR_MAX_PAGES"))
            .findFirst()
            .orElseThrow();
    assertThat(ocrMaxPages.getString("value")).isEqualTo("2");
    assertThat(ocrMaxPages.getString("default_value")).isEqualTo("100");
    assertThat(named(kinds, "loaders", "markdown").getJsonArray("file_extensions").toString())
        .contains("\"md\"");
    assertThat(named(kinds, "embedders", "all-MiniLM-L6-v2").getBoolean("active")).isTrue();
    assertThat(named(kinds, "embedders", "all-MiniLM-L6-v2-int8").getBoolean("active")).isFalse();
    assertThat(named(kinds, "index_backends", "lucene").getBoolean("active")).isTrue();
    assertThat(named(kinds, "index_backends", "exact").getBoolean("active")).isFalse();
    JsonObject ollama = named(kinds, "generators", "ollama");
    assertThat(ollama.getBoolean("active")).isTrue();
    assertThat(ollama.getJsonObject("health").getString("status")).isIn("up", "degraded");
    assertThat(named(kinds, "generators", "openai").getJsonArray("settings").toString())
        .contains("OPENAI_API_KEY");
    assertThat(named(kinds, "ocr_engines", "tesseract").getJsonArray("settings").toString())
        .contains("TESSERACT_PATH");
    assertThat(response.headers().firstValue(SESSION)).isEmpty();
  }

  private static JsonObject named(JsonObject kinds, String kind, String name) {
    return kinds.getJsonArray(kind).getValuesAs(JsonObject.class).stream()
        .filter(p -> p.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " named " + name + ": " + kinds));
  }

  private static String readLog() {
    try {
      return java.nio.file.Files.readString(Api.SERVER_DIR.resolve("logs/messages.log"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void metricsArePrometheusTextWithoutSessionIds() {
    String id = Api.newSession();
    HttpResponse<String> response = Api.get("/metrics?scope=application");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("sessions_active")
        .contains("sessions_created_total")
        .contains("sessions_expired_total")
        .doesNotContain(id);
    HttpResponse<String> all = Api.get("/metrics");
    assertThat(all.body()).contains("REST_request").doesNotContain(id);
  }

  @Test
  void corsPreflightFromAllowedOriginAllowsTheSessionHeader() {
    HttpResponse<String> preflight =
        Api.send(
            Api.request("/api/v1/session/info")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "x-session-id"));

    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("http://localhost:3000");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
        .hasValueSatisfying(h -> assertThat(h).containsIgnoringCase("X-Session-Id"));

    HttpResponse<String> actual =
        Api.get("/api/v1/session/info", "Origin", "http://localhost:3000");
    assertThat(actual.headers().firstValue("Access-Control-Expose-Headers"))
        .hasValueSatisfying(h -> assertThat(h).containsIgnoringCase("X-Session-Id"));
  }

  @Test
  void corsRefusesOtherOrigins() {
    HttpResponse<String> preflight =
        Api.send(
            Api.request("/api/v1/session/info")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "x-session-id"));
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }
}

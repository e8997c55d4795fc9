package io.cogentx.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.application.RetrievalSettings;
import io.cogentx.web.WebUiHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nginx/nginx.conf agrees with the server, and docker/frontend-entrypoint.sh (run with a real sh)
 * applies the deploy-time settings without a rebuild.
 */
class FrontendConfigTest {

  private static final Path NGINX_CONF = Path.of("nginx/nginx.conf");
  private static final Path ENTRYPOINT = Path.of("docker/frontend-entrypoint.sh");

  @Test
  void nginxSetsTheSamePolicyAsTheServerDoesForTheUi() throws IOException {
    assertThat(Files.readString(NGINX_CONF))
        .contains('"' + WebUiHeaders.CONTENT_SECURITY_POLICY + '"');
  }

  @Test
  void nginxsUploadLimitIsTheServersDefault() throws Exception {
    String serverDefault =
        RetrievalSettings.class
            .getDeclaredField("maxUploadMegabytes")
            .getAnnotation(ConfigProperty.class)
            .defaultValue();

    assertThat(Files.readString(NGINX_CONF))
        .contains("client_max_body_size " + serverDefault + "m;");
  }

  @Test
  void theEntrypointWritesTheApiBaseUrlAndTheUploadLimit(@TempDir Path dir) throws Exception {
    Result result =
        entrypoint(
            dir, Map.of("API_BASE_URL", "https://api.example.org/", "MAX_UPLOAD_MEGABYTES", "80"));

    assertThat(result.exitCode).as(result.output).isZero();
    assertThat(Files.readString(dir.resolve("config.js")))
        .contains("window.COGENTX_CONFIG = { apiBaseUrl: \"https://api.example.org\" };");
    String conf = Files.readString(dir.resolve("nginx.conf"));
    assertThat(conf)
        .contains("client_max_body_size 80m;")
        .doesNotContain("client_max_body_size 50m;");
    assertThat(conf).contains("connect-src 'self' https://api.example.org;");
  }

  @Test
  void theSeedsViteNameWorksAndTheDefaultIsSameOrigin(@TempDir Path dir) throws Exception {
    assertThat(entrypoint(dir, Map.of("VITE_API_BASE_URL", "http://10.0.0.5:8000")).exitCode)
        .isZero();
    assertThat(Files.readString(dir.resolve("config.js")))
        .contains("apiBaseUrl: \"http://10.0.0.5:8000\"");

    assertThat(entrypoint(dir, Map.of()).exitCode).isZero();
    assertThat(Files.readString(dir.resolve("config.js"))).contains("apiBaseUrl: \"\"");
    assertThat(Files.readString(dir.resolve("nginx.conf")))
        .isEqualTo(Files.readString(NGINX_CONF)); // rendered from the pristine template each start
  }

  @Test
  void badValuesStopTheContainerWithAClearMessage(@TempDir Path dir) throws Exception {
    Result script = entrypoint(dir, Map.of("API_BASE_URL", "javascript:alert(1)"));
    assertThat(script.exitCode).isNotZero();
    assertThat(script.output).contains("API_BASE_URL must be empty or start with http://");

    Result quote = entrypoint(dir, Map.of("API_BASE_URL", "http://x\"+alert(1)+\""));
    assertThat(quote.exitCode).isNotZero();

    Result limit = entrypoint(dir, Map.of("MAX_UPLOAD_MEGABYTES", "50m"));
    assertThat(limit.exitCode).isNotZero();
    assertThat(limit.output).contains("MAX_UPLOAD_MEGABYTES must be a whole number");
  }

  private record Result(int exitCode, String output) {}

  private static Result entrypoint(Path dir, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("sh", ENTRYPOINT.toString()).redirectErrorStream(true);
    Map<String, String> environment = pb.environment();
    environment
        .keySet()
        .removeIf(k -> k.contains("API_BASE_URL") || k.equals("MAX_UPLOAD_MEGABYTES"));
    environment.put("COGENTX_NGINX_TEMPLATE", NGINX_CONF.toAbsolutePath().toString());
    environment.put("COGENTX_NGINX_CONF", dir.resolve("nginx.conf").toString());
    environment.put("COGENTX_HTML_DIR", dir.toString());
    environment.putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }
}

package io.cogentx.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebUiHeadersTest {

  @Test
  void theUiGetsAPolicyWithoutInlineScriptAndNoFraming() {
    var headers = WebUiHeaders.forPath("/index.html");

    assertThat(headers.get("Content-Security-Policy"))
        .contains("script-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval");
    assertThat(headers).containsEntry("X-Content-Type-Options", "nosniff");
    assertThat(headers).containsEntry("Cache-Control", "no-cache");
  }

  @Test
  void configJsIsNeverStoredBecauseDeploymentsRewriteIt() {
    assertThat(WebUiHeaders.forPath("/config.js")).containsEntry("Cache-Control", "no-store");
  }

  @Test
  void apiHealthAndMetricsAreNotUiPaths() {
    assertThat(WebUiHeaders.isUiPath("/")).isTrue();
    assertThat(WebUiHeaders.isUiPath("/js/main.js")).isTrue();
    assertThat(WebUiHeaders.isUiPath("/api/v1/documents")).isFalse();
    assertThat(WebUiHeaders.isUiPath("/api/docs")).isFalse();
    assertThat(WebUiHeaders.isUiPath("/health/ready")).isFalse();
    assertThat(WebUiHeaders.isUiPath("/metrics")).isFalse();
  }
}

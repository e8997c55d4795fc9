package io.cogentx.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Response headers for the web UI's static files, the same as {@code nginx/nginx.conf} sets: a
 * content security policy without inline script, no MIME sniffing, no framing, no referrer to other
 * sites, and caching that revalidates (file names carry no content hash, so a deploy must show at
 * once) except {@code config.js}, which is never stored because deployments rewrite it.
 */
public final class WebUiHeaders {

  /** The policy: everything from this origin only; the API may live elsewhere when configured. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-ancestors 'none'";

  private WebUiHeaders() {}

  /** Whether a request path (without context root) is the UI's, not the API's or the platform's. */
  public static boolean isUiPath(String path) {
    return !(path.startsWith("/api/")
        || path.equals("/api")
        || path.startsWith("/health")
        || path.startsWith("/metrics")
        || path.startsWith("/openapi"));
  }

  /** The headers for a UI path. */
  public static Map<String, String> forPath(String path) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("X-Frame-Options", "DENY");
    headers.put("Referrer-Policy", "no-referrer");
    headers.put("Cache-Control", path.equals("/config.js") ? "no-store" : "no-cache");
    return headers;
  }
}

package io.cogentx.it;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Builds a multipart/form-data body, as a browser's upload form would. */
final class Multipart {

  private final String boundary = "----cogentx" + UUID.randomUUID();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  Multipart file(String field, String fileName, String contentType, byte[] content) {
    write(
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + field
            + "\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: "
            + contentType
            + "\r\n\r\n");
    body.writeBytes(content);
    write("\r\n");
    return this;
  }

  Multipart field(String name, String value) {
    write(
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + name
            + "\"\r\n\r\n"
            + value
            + "\r\n");
    return this;
  }

  HttpRequest.Builder post(String path, String sessionId) {
    return postTo(Api.request(path), sessionId);
  }

  /** The request to {@code base + path}, e.g. of the second test server. */
  HttpRequest.Builder post(String base, String path, String sessionId) {
    return postTo(HttpRequest.newBuilder(java.net.URI.create(base + path)), sessionId);
  }

  /** The form posted to another server than the main test server. */
  HttpRequest.Builder post(java.net.URI uri, String sessionId) {
    return postTo(
        HttpRequest.newBuilder(uri).timeout(java.time.Duration.ofSeconds(120)), sessionId);
  }

  /** The upload to any server, e.g. through the Docker stack's frontend. */
  HttpRequest.Builder postTo(HttpRequest.Builder request, String sessionId) {
    write("--" + boundary + "--\r\n");
    return request
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header(Api.SESSION, sessionId)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
  }

  private void write(String s) {
    body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}

package io.cogentx.plugins.transcriber.whisper.http;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A {@code multipart/form-data} request body (RFC 7578) of text fields and one file, streamed from
 * the file rather than held in memory.
 */
final class Multipart {

  private final String boundary = "cogentx-" + UUID.randomUUID();
  private final Map<String, String> fields = new LinkedHashMap<>();

  Multipart field(String name, String value) {
    fields.put(name, value);
    return this;
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  /** The fields, then the file as part {@code name} with {@code fileName} and {@code type}. */
  HttpRequest.BodyPublisher body(String name, Path file, String fileName, String type)
      throws FileNotFoundException {
    StringBuilder head = new StringBuilder();
    fields.forEach(
        (k, v) ->
            head.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(k)
                .append("\"\r\n\r\n")
                .append(v)
                .append("\r\n"));
    head.append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"")
        .append(name)
        .append("\"; filename=\"")
        .append(fileName)
        .append("\"\r\nContent-Type: ")
        .append(type)
        .append("\r\n\r\n");
    List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
    parts.add(HttpRequest.BodyPublishers.ofString(head.toString(), StandardCharsets.UTF_8));
    parts.add(HttpRequest.BodyPublishers.ofFile(file));
    parts.add(
        HttpRequest.BodyPublishers.ofString(
            "\r\n--" + boundary + "--\r\n", StandardCharsets.UTF_8));
    return HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new));
  }
}

package io.cogentx.problem;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;

/** Writes a {@link Problem} with its extension members at the top level, as RFC 9457 asks. */
final class ProblemJson {

  private ProblemJson() {}

  static String write(Problem p) {
    JsonObjectBuilder json = Json.createObjectBuilder();
    json.add("type", p.type()).add("title", p.title()).add("status", p.status());
    if (p.detail() != null) {
      json.add("detail", p.detail());
    }
    if (p.instance() != null) {
      json.add("instance", p.instance());
    }
    if (p.extensions() != null) {
      for (Map.Entry<String, Object> e : p.extensions().entrySet()) {
        Object v = e.getValue();
        if (v instanceof Number n) {
          json.add(e.getKey(), Json.createValue(n.longValue()));
        } else if (v instanceof Boolean b) {
          json.add(e.getKey(), b);
        } else if (v != null) {
          json.add(e.getKey(), v.toString());
        }
      }
    }
    return json.build().toString();
  }
}

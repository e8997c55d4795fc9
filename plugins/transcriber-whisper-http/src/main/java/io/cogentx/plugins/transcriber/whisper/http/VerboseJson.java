package io.cogentx.plugins.transcriber.whisper.http;

import io.cogentx.spi.Segment;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code verbose_json} answer of {@code /v1/audio/transcriptions}: {@code {"text", "language",
 * "duration", "segments": [{"start", "end", "text", …}]}}. A segment's {@code speaker} (servers
 * that diarise, e.g. WhisperX-based ones) becomes a {@code [SPEAKER]} prefix; no label is ever made
 * up. An answer with text but no segments becomes one segment over the whole piece.
 */
final class VerboseJson {

  /** The answer was not verbose_json. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  private VerboseJson() {}

  /**
   * @param length seconds of the audio sent: times are kept within {@code [0, length]}
   */
  static List<Segment> segments(String body, double length) throws Malformed {
    JsonObject answer;
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      answer = reader.readObject();
    } catch (JsonParsingException | IllegalStateException | ClassCastException e) {
      throw new Malformed("the answer is not JSON");
    }
    List<Segment> out = new ArrayList<>();
    JsonValue segments = answer.get("segments");
    if (segments instanceof JsonArray array) {
      for (JsonValue v : array) {
        if (!(v instanceof JsonObject s)) {
          throw new Malformed("a segment is not an object");
        }
        String text = string(s, "text").strip();
        if (text.isEmpty()) {
          continue;
        }
        double start = Math.clamp(number(s, "start"), 0, length);
        double end = Math.clamp(number(s, "end"), start, length);
        String speaker = string(s, "speaker").strip();
        out.add(Segment.timed(start, end, speaker.isEmpty() ? text : "[" + speaker + "] " + text));
      }
      return out;
    }
    if (answer.get("text") instanceof JsonString text) {
      if (!text.getString().isBlank()) {
        out.add(Segment.timed(0, length, text.getString().strip()));
      }
      return out;
    }
    throw new Malformed("the answer has neither segments nor text");
  }

  private static String string(JsonObject o, String key) {
    return o.get(key) instanceof JsonString s ? s.getString() : "";
  }

  private static double number(JsonObject o, String key) throws Malformed {
    if (o.get(key) instanceof JsonNumber n) {
      double d = n.doubleValue();
      if (Double.isFinite(d)) {
        return d;
      }
    }
    throw new Malformed("a segment has no " + key + " time");
  }
}

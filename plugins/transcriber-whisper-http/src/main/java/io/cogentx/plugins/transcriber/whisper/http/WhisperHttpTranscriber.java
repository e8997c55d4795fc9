package io.cogentx.plugins.transcriber.whisper.http;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentException.Reason;
import io.cogentx.spi.PluginHealth;
import io.cogentx.spi.Progress;
import io.cogentx.spi.Segment;
import io.cogentx.spi.Transcriber;
import io.cogentx.spi.WavAudio;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Posts each piece of audio to {@code /v1/audio/transcriptions} (multipart: {@code file}, {@code
 * model}, {@code response_format=verbose_json}, {@code timestamp_granularities[]=segment}, {@code
 * temperature=0}, {@code language} when set) and reads the timed segments. One attempt per call:
 * the server wraps remote transcribers in its timeout, retries and circuit breaker. A server that
 * cannot be reached, answers 5xx, 429, 401/403 or something that is not verbose_json is {@link
 * Reason#UNAVAILABLE} (the same audio may work later); a 400 or 413 refuses the audio itself.
 */
final class WhisperHttpTranscriber implements Transcriber, PluginHealth.Reporting {

  private static final int MAX_ANSWER = 4 * 1024 * 1024;
  private static final int MAX_ERROR = 1000;
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

  private final WhisperHttpSettings settings;
  private final HttpClient http;
  private volatile Probe lastProbe;

  private record Probe(Instant at, PluginHealth health) {}

  WhisperHttpTranscriber(WhisperHttpSettings settings) {
    this.settings = settings;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  @Override
  public boolean available() {
    return settings.endpoint() != null;
  }

  @Override
  public boolean remote() {
    return true;
  }

  @Override
  public String model() {
    return settings.model();
  }

  @Override
  public List<Segment> transcribe(Path wav16kMono, Progress progress) throws DocumentException {
    if (settings.endpoint() == null) {
      throw new DocumentException(
          Reason.UNAVAILABLE, "No Whisper server is configured (WHISPER_BASE_URL).");
    }
    double length = seconds(wav16kMono);
    Multipart form =
        new Multipart()
            .field("model", settings.model())
            .field("response_format", "verbose_json")
            .field("timestamp_granularities[]", "segment")
            .field("temperature", "0");
    if (!settings.language().isEmpty()) {
      form.field("language", settings.language());
    }
    HttpResponse<InputStream> response;
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(settings.endpoint())
              .timeout(settings.timeout())
              .header("Content-Type", form.contentType())
              .header("Accept", "application/json")
              .POST(form.body("file", wav16kMono, "audio.wav", "audio/wav"));
      if (!settings.apiKey().isEmpty()) {
        request.header("Authorization", "Bearer " + settings.apiKey());
      }
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw unavailable(
          "did not answer within "
              + settings.timeout().toSeconds()
              + " s (WHISPER_TIMEOUT_SECONDS)",
          e);
    } catch (IOException e) {
      throw unavailable("cannot be reached (" + reason(e) + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DocumentException(Reason.EMPTY, "Transcription was interrupted.", e);
    }
    try (InputStream body = response.body()) {
      int status = response.statusCode();
      if (status != 200) {
        String error = errorOf(body);
        if (status == 400 || status == 413 || status == 415 || status == 422) {
          throw new DocumentException(
              Reason.DAMAGED,
              "The Whisper server refused this audio (HTTP " + status + error + ").");
        }
        throw unavailable("answered HTTP " + status + error, null);
      }
      byte[] bytes = body.readNBytes(MAX_ANSWER + 1);
      if (bytes.length > MAX_ANSWER) {
        throw unavailable("sent an answer larger than " + MAX_ANSWER + " bytes", null);
      }
      return VerboseJson.segments(new String(bytes, StandardCharsets.UTF_8), length);
    } catch (VerboseJson.Malformed e) {
      throw unavailable("answered something that is not verbose_json (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw unavailable("broke off its answer (" + reason(e) + ")", e);
    }
  }

  private DocumentException unavailable(String what, Exception cause) {
    return new DocumentException(
        Reason.UNAVAILABLE,
        "The Whisper server at " + settings.baseUrl() + " " + what + ".",
        cause);
  }

  /** Seconds of a 16 kHz mono 16-bit WAV file, from its header (checked). */
  static double seconds(Path wav) throws DocumentException {
    try {
      return WavAudio.read(wav)
          .filter(h -> h.isPcm16Mono(WavAudio.RATE_16K))
          .orElseThrow(
              () ->
                  new DocumentException(
                      Reason.DAMAGED, "The Whisper client needs 16 kHz mono 16-bit PCM WAV audio."))
          .seconds();
    } catch (IOException e) {
      throw new DocumentException(Reason.DAMAGED, "The audio could not be read.", e);
    }
  }

  /** The server's {@code {"error": {"message"}}} or {@code {"error": "..."}}, as ": ...". */
  private static String errorOf(InputStream body) {
    try {
      String text = new String(body.readNBytes(MAX_ERROR), StandardCharsets.UTF_8).strip();
      try (JsonReader r = Json.createReader(new StringReader(text))) {
        JsonObject o = r.readObject();
        if (o.get("error") instanceof JsonObject error) {
          return ": " + error.getString("message", text);
        }
        return ": " + o.getString("error", o.getString("detail", text));
      } catch (RuntimeException notJson) {
        return text.isEmpty() ? "" : ": " + text;
      }
    } catch (IOException e) {
      return "";
    }
  }

  private static String reason(IOException e) {
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * Whether the server answers HTTP at its base URL at all (any status: a Whisper server need not
   * serve {@code /}), probed at most every {@code WHISPER_HEALTH_INTERVAL_SECONDS}.
   */
  @Override
  public PluginHealth health() {
    Probe p = lastProbe;
    if (p != null && p.at().plus(settings.healthInterval()).isAfter(Instant.now())) {
      return p.health();
    }
    PluginHealth h = probe();
    lastProbe = new Probe(Instant.now(), h);
    return h;
  }

  private PluginHealth probe() {
    Map<String, String> data = new LinkedHashMap<>();
    if (settings.baseUrl() == null) {
      return PluginHealth.degraded("WHISPER_BASE_URL is not set.", data);
    }
    data.put("url", settings.baseUrl().toString());
    data.put("model", settings.model());
    try {
      HttpResponse<Void> r =
          http.send(
              HttpRequest.newBuilder(settings.baseUrl()).timeout(PROBE_TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      data.put("http_status", Integer.toString(r.statusCode()));
      return PluginHealth.up("The Whisper server answers.", data);
    } catch (IOException e) {
      return PluginHealth.degraded(
          "The Whisper server at "
              + settings.baseUrl()
              + " is not reachable ("
              + reason(e)
              + "): recordings cannot be transcribed by it until it is back.",
          data);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return PluginHealth.degraded("The probe was interrupted.", data);
    }
  }
}

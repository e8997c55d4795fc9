package io.cogentx.plugins.transcriber.whisper.http;

import io.cogentx.spi.PluginConfig;
import io.cogentx.spi.Setting;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Settings of the Whisper server client.
 *
 * @param baseUrl the server, or {@code null} when not configured
 * @param endpoint where transcriptions are posted: {@code {base}/v1/audio/transcriptions} (or
 *     {@code {base}/audio/transcriptions} when the base already ends in {@code /v1})
 */
record WhisperHttpSettings(
    URI baseUrl,
    URI endpoint,
    String apiKey,
    String model,
    String language,
    Duration timeout,
    Duration healthInterval) {

  static final Setting BASE_URL =
      Setting.of(
          "WHISPER_BASE_URL",
          "",
          "An OpenAI-compatible Whisper server (faster-whisper server, whisper.cpp server, LocalAI,"
              + " OpenAI), e.g. http://localhost:8000; empty: not used");
  static final Setting API_KEY =
      Setting.secret(
          "WHISPER_API_KEY", "Sent as Authorization: Bearer … to the Whisper server when set");
  static final Setting MODEL =
      Setting.of("WHISPER_MODEL", "whisper-1", "The model the Whisper server transcribes with");
  static final Setting LANGUAGE =
      Setting.of(
          "WHISPER_LANGUAGE",
          "",
          "Language of the recordings (ISO 639-1, e.g. en); empty: the server detects it");
  static final Setting TIMEOUT =
      Setting.of(
          "WHISPER_TIMEOUT_SECONDS",
          120,
          "Longest wait for the Whisper server's answer for one piece of audio, in seconds");
  static final Setting HEALTH_INTERVAL =
      Setting.of(
          "WHISPER_HEALTH_INTERVAL_SECONDS",
          30,
          "How long readiness reports one probe of the Whisper server before asking again");

  static final List<Setting> ALL =
      List.of(BASE_URL, API_KEY, MODEL, LANGUAGE, TIMEOUT, HEALTH_INTERVAL);

  static WhisperHttpSettings from(PluginConfig config) {
    String base = config.get(BASE_URL).strip();
    URI baseUrl = null;
    URI endpoint = null;
    if (!base.isEmpty()) {
      baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
      if (baseUrl.getScheme() == null
          || !(baseUrl.getScheme().equals("http") || baseUrl.getScheme().equals("https"))) {
        throw new IllegalArgumentException(
            "WHISPER_BASE_URL must be an http(s) URL, was '" + base + "'");
      }
      endpoint =
          baseUrl.resolve(
              baseUrl.getPath().endsWith("/v1/")
                  ? "audio/transcriptions"
                  : "v1/audio/transcriptions");
    }
    return new WhisperHttpSettings(
        baseUrl,
        endpoint,
        config.get(API_KEY).strip(),
        config.get(MODEL).strip(),
        config.get(LANGUAGE).strip(),
        Duration.ofSeconds(Math.max(1, config.getInt(TIMEOUT))),
        Duration.ofSeconds(Math.max(0, config.getInt(HEALTH_INTERVAL))));
  }
}

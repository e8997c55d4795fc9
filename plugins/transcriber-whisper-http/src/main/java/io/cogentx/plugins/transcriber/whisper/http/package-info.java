/**
 * The {@code whisper-http} transcriber: an OpenAI-compatible Whisper server ({@code POST
 * /v1/audio/transcriptions}, multipart, {@code response_format=verbose_json}) transcribes each
 * piece of audio into timed segments.
 */
package io.cogentx.plugins.transcriber.whisper.http;

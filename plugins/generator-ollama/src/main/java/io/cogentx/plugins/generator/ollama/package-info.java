/**
 * The Ollama answer generator: {@code POST /api/chat} streamed as NDJSON, with the context window
 * ({@code num_ctx}) and temperature from configuration.
 */
package io.cogentx.plugins.generator.ollama;

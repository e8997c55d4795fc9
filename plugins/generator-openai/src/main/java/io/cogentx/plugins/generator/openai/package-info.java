/**
 * The OpenAI-compatible answer generator ({@code LLM_BACKEND=openai}): {@code /v1/chat/completions}
 * streamed as server-sent events, for vLLM, llama.cpp's server, LM Studio or OpenAI itself.
 */
package io.cogentx.plugins.generator.openai;

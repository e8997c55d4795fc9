package io.cogentx.spi;

/**
 * Plugin kind: the chat model that writes answers; {@link #name()} is what {@code LLM_BACKEND}
 * names, e.g. {@code ollama}. Creating it needs no network call.
 */
public interface GeneratorProvider extends PluginProvider<Generator> {}

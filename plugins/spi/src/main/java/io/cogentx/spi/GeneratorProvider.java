package io.cogentx.spi;

/**
 * Creates a {@link Generator}, the chat model that writes answers; {@link #name()} is what {@code
 * LLM_BACKEND} names, e.g. {@code ollama}.
 */
public interface GeneratorProvider extends Plugin {

  /** Sets up the client (no network call is needed here). */
  Generator create(PluginConfig config) throws Exception;
}

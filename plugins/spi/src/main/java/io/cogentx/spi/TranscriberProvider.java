package io.cogentx.spi;

/**
 * Plugin kind: speech to text, used by audio loaders through {@link
 * PluginContext#providers(Class)}; {@link #name()} is what {@code TRANSCRIBER} names.
 */
public interface TranscriberProvider extends PluginProvider<Transcriber> {}
